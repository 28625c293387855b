import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NULL_AS_UNDEFINED } from './optional-column';

// What a consuming service knows about a mission member, kept from accreditation's events
// (services never read each other's tables). The facts are the member's, not one consumer's: a
// service's own reading of them (a plate letter, an eligibility) stays in that service's rules.
// (version, last_event_time) orders the states: an event older than the stored state never overwrites it.
@Entity({ name: 'member_replica' })
export class MemberReplicaEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'mission_id', type: 'uuid' })
  missionId!: string;

  @Column({ name: 'mission_country', type: 'text' })
  missionCountry!: string;

  @Column('text')
  category!: string;

  @Column({ name: 'principal_id', type: 'uuid', nullable: true, transformer: NULL_AS_UNDEFINED })
  principalId?: string;

  @Column('text')
  status!: string;

  // Once accredited.
  @Column({ name: 'immunity_level', type: 'text', nullable: true, transformer: NULL_AS_UNDEFINED })
  immunityLevel?: string;

  // Outside OFM's vehicle program (research §2.1), whatever the category.
  @Column({ name: 'us_citizen_or_permanent_resident', type: 'boolean', default: false })
  usCitizenOrPermanentResident!: boolean;

  @Column({ name: 'given_name', type: 'text' })
  givenName!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column('int')
  version!: number;

  @Column({ name: 'last_event_time', type: 'timestamptz' })
  lastEventTime!: Date;
}
