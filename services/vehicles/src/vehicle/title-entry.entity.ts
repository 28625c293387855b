import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TitleRole } from '@ofm/contracts';
import { NULL_AS_UNDEFINED } from '../shared/optional-column';

// One entry of a vehicle's electronic title ledger: who holds title (owner) or an interest in it
// (lienholder, lessor), and when the title was released at disposal.
@Entity({ name: 'vehicle_title' })
export class TitleEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  // Filled by PostgreSQL: the ledger's order.
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ name: 'vehicle_id', type: 'uuid' })
  vehicleId!: string;

  @Column('text')
  role!: TitleRole;

  @Column('text')
  holder!: string;

  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn!: string;

  @Column({ name: 'released_on', type: 'date', nullable: true, transformer: NULL_AS_UNDEFINED })
  releasedOn?: string;
}
