import { Column, Entity, PrimaryColumn } from 'typeorm';

// What a consuming service knows about a mission (name, country, type, status),
// kept from accreditation's mission events.
@Entity({ name: 'mission_replica' })
export class MissionReplicaEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  // ISO 3166-1 alpha-2.
  @Column('text')
  country!: string;

  @Column('text')
  type!: string;

  @Column('text')
  status!: string;

  @Column('int')
  version!: number;

  @Column({ name: 'last_event_time', type: 'timestamptz' })
  lastEventTime!: Date;
}
