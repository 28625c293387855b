import { Column, Entity, PrimaryColumn } from 'typeorm';

// One version of a country's reciprocity profile, under the names of ofm.reciprocity.v1.ReciprocityProfile.
// Versions are never updated: a change is a new row, so every decision can name the one it used and
// any past day can be answered. Words are checked by the migration's CHECKs.
@Entity({ name: 'profile_version' })
export class ProfileVersionEntity {
  @PrimaryColumn('text')
  country!: string;

  @PrimaryColumn('integer')
  version!: number;

  // pg answers a date column as 'YYYY-MM-DD' text, which is what the message carries.
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column('text')
  source!: string;

  @Column({ name: 'property_purchase', type: 'text' })
  propertyPurchase!: string;

  @Column({ name: 'tax_relief', type: 'text' })
  taxRelief!: string;

  @Column({ name: 'duty_free_entry', type: 'text' })
  dutyFreeEntry!: string;

  @Column({ name: 'tax_free_vehicles_per_member', type: 'integer' })
  taxFreeVehiclesPerMember!: number;

  @Column({ name: 'vehicle_disposition_surcharge', type: 'boolean' })
  vehicleDispositionSurcharge!: boolean;

  @Column({ name: 'same_sex_spouse_accreditation', type: 'text' })
  sameSexSpouseAccreditation!: string;

  @Column({ name: 'fuel_and_utility_exemption', type: 'boolean' })
  fuelAndUtilityExemption!: boolean;

  @Column({ name: 'consular_bilateral_agreement', type: 'boolean' })
  consularBilateralAgreement!: boolean;

  @Column({ name: 'travel_controls', type: 'text' })
  travelControls!: string;

  @Column({ name: 'travel_radius_miles', type: 'integer' })
  travelRadiusMiles!: number;

  @Column({ name: 'travel_lead_time_hours', type: 'integer' })
  travelLeadTimeHours!: number;

  @Column({ name: 'travel_categories', type: 'text', array: true })
  travelCategories!: string[];

  @Column({ name: 'engagement_notices', type: 'boolean' })
  engagementNotices!: boolean;

  @Column({ name: 'agreement_id', type: 'uuid', nullable: true })
  agreementId!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
