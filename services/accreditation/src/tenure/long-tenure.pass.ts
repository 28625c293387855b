import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { clearFlag, flagCleared, flagRaised, raiseFlag } from '@ofm/compliance';
import { Clock, ofmDay, systemClock, type IsoDay } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inTransaction } from '@ofm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { MemberEntity } from '../member/member.entity';
import { MemberTenureFlagEntity } from './member-tenure-flag.entity';
import { longTenureAction, tenureOf } from './tenure.rules';

const SYSTEM_ACTOR = { subject: 'system:accreditation', roles: [] as string[] };

export interface LongTenureResult {
  raised: number;
  cleared: number;
}

// The long-tenure half of the tenure sweep: one flag per accredited member past the limit of its
// category (its id kept in member_tenure_flag, so a second pass raises nothing), cleared once the
// member is terminated (or refused) or the limit changed so that it no longer applies. Each member
// is its own transaction; the flag row is claimed by its insert or delete, so two passes never raise
// or clear one flag twice.
@Injectable()
export class LongTenurePass {
  private readonly logger = new Logger(LongTenurePass.name);

  constructor(
    private readonly ds: DataSource,
    @Inject(ACCREDITATION_SETTINGS) private readonly settings: AccreditationSettings,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async run(at: Date = this.clock.now()): Promise<LongTenureResult> {
    const on = ofmDay(at);
    const limited = Object.keys(this.settings.tenureLimits);
    // Serving members of a limited category, and every member with a flag open (whatever it is now).
    const candidates: MemberEntity[] = await this.ds.manager
      .createQueryBuilder(MemberEntity, 'm')
      .leftJoin(MemberTenureFlagEntity, 'f', 'f.member_id = m.id')
      .where(
        limited.length > 0
          ? "(m.status = 'accredited' AND m.category IN (:...limited)) OR f.member_id IS NOT NULL"
          : 'f.member_id IS NOT NULL',
        { limited },
      )
      .orderBy('m.id')
      .getMany();
    const flagged = new Set(
      (await this.ds.manager.find(MemberTenureFlagEntity, { select: { memberId: true } })).map((f) => f.memberId),
    );
    const result: LongTenureResult = { raised: 0, cleared: 0 };
    for (const member of candidates) {
      const action = longTenureAction(this.isPast(member, on), flagged.has(member.id));
      if (action === 'none') continue;
      try {
        const done = await inTransaction(this.ds, (em) =>
          action === 'raise' ? this.raise(em, member.id, on, at) : this.clear(em, member.id, at),
        );
        if (done) result[action === 'raise' ? 'raised' : 'cleared']++;
      } catch (error) {
        this.logger.error({ msg: 'long-tenure sweep failed for a member', memberId: member.id, err: error });
      }
    }
    return result;
  }

  private isPast(member: MemberEntity, on: IsoDay): boolean {
    // Flagged once accredited: a notification not yet decided is OFM's to decide first.
    return member.status === 'accredited' && tenureOf(member, this.settings.tenureLimits, on).pastLimit;
  }

  private async raise(em: EntityManager, memberId: string, on: IsoDay, at: Date): Promise<boolean> {
    // Read again in the transaction: a termination since the candidates were read raises nothing.
    const member = await em.findOneByOrFail(MemberEntity, { id: memberId });
    const figures = tenureOf(member, this.settings.tenureLimits, on);
    if (!this.isPast(member, on)) return false;
    const flag = raiseFlag({
      code: 'long-tenure',
      raisedBy: 'accreditation',
      missionId: member.missionId,
      memberId: member.id,
      subjectType: 'member',
      subjectId: member.id,
      detail: `${figures.yearsInPost} years in the U.S. since ${member.arrivalDate}; the limit for ${member.category} is ${figures.limitYears} years`,
      at,
    });
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(MemberTenureFlagEntity)
      .values({
        memberId: member.id,
        missionId: member.missionId,
        flagId: flag.id,
        limitYears: figures.limitYears!,
        raisedOn: on,
      })
      .orIgnore()
      .returning(['memberId'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return false; // another pass raised it
    await commitChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'member.long-tenure-flagged',
      entity: { type: 'member', id: member.id },
      before: null,
      after: { flagId: flag.id, yearsInPost: figures.yearsInPost, limitYears: figures.limitYears },
      reason: flag.detail,
      events: [flagRaised(flag)],
    });
    return true;
  }

  private async clear(em: EntityManager, memberId: string, at: Date): Promise<boolean> {
    // pg answers a DELETE … RETURNING through TypeORM as [rows, count].
    const [deleted]: [{ flagId: string; missionId: string; limitYears: number }[], number] = await em.query(
      `DELETE FROM member_tenure_flag WHERE member_id = $1
        RETURNING flag_id AS "flagId", mission_id AS "missionId", limit_years AS "limitYears"`,
      [memberId],
    );
    const [row] = deleted;
    if (!row) return false; // another pass cleared it
    const member = await em.findOneByOrFail(MemberEntity, { id: memberId });
    const reason =
      member.status === 'accredited'
        ? `the limit for ${member.category} no longer applies`
        : `the member is ${member.status}`;
    const flag = clearFlag(
      {
        id: row.flagId,
        reasonCode: 'long-tenure',
        raisedBy: 'accreditation',
        subjectType: 'member',
        subjectId: memberId,
        missionId: row.missionId,
        memberId,
      },
      at,
    );
    await commitChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'member.long-tenure-cleared',
      entity: { type: 'member', id: memberId },
      before: { flagId: row.flagId, limitYears: row.limitYears },
      after: null,
      reason,
      events: [flagCleared(flag, reason)],
    });
    return true;
  }
}
