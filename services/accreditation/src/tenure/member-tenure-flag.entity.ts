import { Column, Entity, PrimaryColumn } from 'typeorm';

// The long-tenure flag open on a member (at most one): its id, so the sweep raises it once and
// clears that same flag when the member leaves or the limit no longer applies. A table of its own
// rather than a member column: members are read hot (member.reads.ts) and this is the sweep's.
@Entity({ name: 'member_tenure_flag' })
export class MemberTenureFlagEntity {
  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('uuid', { name: 'mission_id' })
  missionId!: string;

  @Column('uuid', { name: 'flag_id' })
  flagId!: string;

  // The limit the flag was raised against (its detail names it).
  @Column('int', { name: 'limit_years' })
  limitYears!: number;

  @Column('date', { name: 'raised_on' })
  raisedOn!: string;
}
