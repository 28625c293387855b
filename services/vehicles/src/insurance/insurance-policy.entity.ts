import type { ProofType } from '@ofm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { NULL_AS_UNDEFINED } from '../shared/optional-column';

// A liability insurance policy recorded as proof for one vehicle, under the names of
// ofm.vehicles.v1.InsurancePolicy. Limits are numeric(17,2) in `currency` (USD), which pg returns as
// exact decimal strings ("300000.00"); undefined (NULL) where the policy uses the other form.
const limitColumn = (name: string): PropertyDecorator =>
  Column({ name, type: 'numeric', precision: 17, scale: 2, nullable: true, transformer: NULL_AS_UNDEFINED });

@Entity({ name: 'insurance_policy' })
export class InsurancePolicyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'vehicle_id', type: 'uuid' })
  vehicleId!: string;

  @Column('text')
  insurer!: string;

  @Column({ name: 'policy_number', type: 'text' })
  policyNumber!: string;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ name: 'expiration_date', type: 'date' })
  expirationDate!: string;

  @limitColumn('combined_single_limit')
  combinedSingleLimit?: string;

  @limitColumn('bodily_injury_per_person')
  bodilyInjuryPerPerson?: string;

  @limitColumn('bodily_injury_per_accident')
  bodilyInjuryPerAccident?: string;

  @limitColumn('property_damage')
  propertyDamage?: string;

  @Column('text')
  currency!: string;

  // binder, certificate, declarations-page; undefined (NULL) when the proof type was not stated.
  @Column({ name: 'proof_type', type: 'text', nullable: true, transformer: NULL_AS_UNDEFINED })
  proofType?: ProofType;

  // The first day no longer covered because the policy was cancelled; undefined (NULL) when it was not.
  @Column({ name: 'cancelled_on', type: 'date', nullable: true, transformer: NULL_AS_UNDEFINED })
  cancelledOn?: string;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true, transformer: NULL_AS_UNDEFINED })
  cancellationReason?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
