import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PlateLoss } from '@ofm/contracts';

// A plate taken off the road by a loss or theft and replaced. Plates are government property and
// never reissued: the old number keeps verifying reported-stolen, so an officer who meets it seizes it.
@Entity({ name: 'replaced_plate' })
export class ReplacedPlateEntity {
  @PrimaryColumn('text')
  plate!: string;

  @Column({ name: 'vehicle_id', type: 'uuid' })
  vehicleId!: string;

  @Column('text')
  loss!: PlateLoss;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
