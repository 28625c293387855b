import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ProofType } from './coverage.rules';

// A liability insurance policy recorded as proof for one vehicle. Limits are numeric(17,2) in USD,
// which pg returns as exact decimal strings ("300000.00"); null where the policy uses the other form.
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

  @Column({ name: 'combined_single_limit', type: 'numeric', precision: 17, scale: 2, nullable: true })
  combinedSingleLimit!: string | null;

  @Column({ name: 'bodily_injury_per_person', type: 'numeric', precision: 17, scale: 2, nullable: true })
  bodilyInjuryPerPerson!: string | null;

  @Column({ name: 'bodily_injury_per_accident', type: 'numeric', precision: 17, scale: 2, nullable: true })
  bodilyInjuryPerAccident!: string | null;

  @Column({ name: 'property_damage', type: 'numeric', precision: 17, scale: 2, nullable: true })
  propertyDamage!: string | null;

  @Column('text')
  currency!: string;

  // binder, certificate, declarations-page; null when the proof type was not stated.
  @Column({ name: 'proof_type', type: 'text', nullable: true })
  proofType!: ProofType | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
