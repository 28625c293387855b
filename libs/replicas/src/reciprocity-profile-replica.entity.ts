import type { reciprocity } from '@ofm/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

// Every version of every country's reciprocity profile a consumer has seen, kept whole: decisions
// pick the version in force on their day (a version may be future-dated), so none is overwritten.
@Entity({ name: 'reciprocity_profile_replica' })
export class ReciprocityProfileReplicaEntity {
  // ISO 3166-1 alpha-2.
  @PrimaryColumn('text')
  country!: string;

  @PrimaryColumn('int')
  version!: number;

  // An ISO day; dates stay strings (no time zone shifts).
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  // The proto3 JSON form of ofm.reciprocity.v1.ReciprocityProfile, as the event carried it.
  @Column('jsonb')
  profile!: reciprocity.ReciprocityProfile;

  @Column({ name: 'last_event_time', type: 'timestamptz' })
  lastEventTime!: Date;
}
