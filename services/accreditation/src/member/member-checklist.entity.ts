import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';

// What the checklist sweep did, once per terminated member: the documents-not-returned flag it raised
// (kept until the last open item closes, so a second pass raises nothing and the close can clear it)
// and when the immunity-ended notice went to law enforcement (so it goes out once).
@Entity({ name: 'member_checklist' })
export class MemberChecklistEntity {
  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('uuid', { name: 'flag_id', nullable: true })
  flagId!: string | null;

  @Column('text', { name: 'flag_detail', nullable: true })
  flagDetail!: string | null;

  @Column('timestamptz', { name: 'immunity_end_announced_at', nullable: true })
  immunityEndAnnouncedAt!: Date | null;
}

/** The member's checklist row, or a new one (not yet saved) when the sweep has done nothing for it. */
export const checklistOf = async (em: EntityManager, memberId: string): Promise<MemberChecklistEntity> =>
  (await em.findOne(MemberChecklistEntity, { where: { memberId } })) ??
  em.create(MemberChecklistEntity, { memberId, flagId: null, flagDetail: null, immunityEndAnnouncedAt: null });
