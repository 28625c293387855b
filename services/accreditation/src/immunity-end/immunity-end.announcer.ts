import { Injectable, Logger } from '@nestjs/common';
import { ofmDay } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inTransaction } from '@ofm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { findMember, memberSnapshot } from '../member/member.queries';
import { missionNameOf } from '../mission/mission.queries';
import { lawEnforcementNotices } from '../partner/law-enforcement.notice';
import { checklistOf } from '../member/member-checklist.entity';
import { immunityEndToAnnounce } from './immunity-end.rules';

const SYSTEM_ACTOR = { subject: 'system:accreditation', roles: [] as string[] };

// The day after a terminated person's immunity ended, law enforcement gets the `immunity-ended`
// notice (what GET /verify answers from then on). Run by the checklist sweep; each member is its own
// transaction, and member_checklist.immunity_end_announced_at makes it once per member. A person
// without a card gets no notice (nothing to check at a roadside) but is marked all the same.
@Injectable()
export class ImmunityEndAnnouncer {
  private readonly logger = new Logger(ImmunityEndAnnouncer.name);

  constructor(private readonly ds: DataSource) {}

  async pass(at: Date): Promise<number> {
    const on = ofmDay(at);
    const due = (await this.ds.query(
      `SELECT m.id FROM member m LEFT JOIN member_checklist c ON c.member_id = m.id
        WHERE m.status = 'terminated' AND m.immunity_ends_on < $1 AND c.immunity_end_announced_at IS NULL
        ORDER BY m.immunity_ends_on, m.id`,
      [on],
    )) as { id: string }[];
    let announced = 0;
    for (const { id } of due) {
      try {
        if (await inTransaction(this.ds, (em) => this.announce(em, id, at))) announced++;
      } catch (error) {
        this.logger.error({ msg: 'immunity-ended notice failed for a member', memberId: id, err: error });
      }
    }
    return announced;
  }

  private async announce(em: EntityManager, id: string, at: Date): Promise<boolean> {
    const member = await findMember(em, id, 'pessimistic_write');
    if (!member) return false;
    const checklist = await checklistOf(em, id);
    if (!immunityEndToAnnounce(member, checklist, ofmDay(at))) return false;
    checklist.immunityEndAnnouncedAt = at;
    await em.save(checklist);
    await commitChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'member.immunity-ended',
      entity: { type: 'member', id },
      before: memberSnapshot(member),
      after: memberSnapshot(member),
      reason: `immunity ended on ${member.immunityEndsOn}`,
      events: lawEnforcementNotices('immunity-ended', [member], await missionNameOf(em, member.missionId), at),
    });
    return true;
  }
}
