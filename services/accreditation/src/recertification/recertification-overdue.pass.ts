import { Injectable, Logger, Optional } from '@nestjs/common';
import { clearFlag, flagCleared, flagRaised, raiseFlag } from '@ofm/compliance';
import { Clock, ofmDay, systemClock, type IsoDay } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inTransaction } from '@ofm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { MissionEntity } from '../mission/mission.entity';
import { isOverdue } from './recertification.rules';

const SYSTEM_ACTOR = { subject: 'system:accreditation', roles: [] as string[] };

export interface RecertificationOverdueResult {
  raised: number;
  cleared: number;
}

// The recertification half of the tenure sweep: one recertification-overdue flag (subject: the
// mission) per open mission past its due date, its id kept on the mission so a second pass raises
// nothing; the confirmation clears it (recertification.service.ts), and so does the mission's
// closure (a closed mission has no list to confirm), found here. Each mission is its own
// transaction; a mission locked by a command meanwhile is skipped until the next pass.
@Injectable()
export class RecertificationOverduePass {
  private readonly logger = new Logger(RecertificationOverduePass.name);

  constructor(
    private readonly ds: DataSource,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async run(at: Date = this.clock.now()): Promise<RecertificationOverdueResult> {
    const on = ofmDay(at);
    const candidates: { id: string }[] = await this.ds.query(
      `SELECT id FROM mission
        WHERE (status <> 'closed' AND recertification_due_on < $1 AND recertification_flag_id IS NULL)
           OR (status = 'closed' AND recertification_flag_id IS NOT NULL)
        ORDER BY id`,
      [on],
    );
    const result: RecertificationOverdueResult = { raised: 0, cleared: 0 };
    for (const { id } of candidates) {
      try {
        const outcome = await inTransaction(this.ds, (em) => this.sweepMission(em, id, on, at));
        if (outcome) result[outcome]++;
      } catch (error) {
        this.logger.error({ msg: 'recertification sweep failed for a mission', missionId: id, err: error });
      }
    }
    return result;
  }

  private async sweepMission(
    em: EntityManager,
    id: string,
    on: IsoDay,
    at: Date,
  ): Promise<'raised' | 'cleared' | undefined> {
    const mission = await em
      .createQueryBuilder(MissionEntity, 'm')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('m.id = :id', { id })
      .getOne();
    if (!mission) return undefined;
    const due = mission.recertification.dueOn;
    if (mission.status !== 'closed' && !mission.recertificationFlagId && isOverdue(due, on)) {
      const flag = raiseFlag({
        code: 'recertification-overdue',
        raisedBy: 'accreditation',
        missionId: mission.id,
        subjectType: 'mission',
        subjectId: mission.id,
        detail: `The staff list of ${mission.name} was due for confirmation on ${due}`,
        at,
      });
      await em.update(MissionEntity, { id }, { recertificationFlagId: flag.id });
      await commitChange(em, {
        actor: SYSTEM_ACTOR,
        action: 'mission.recertification-overdue',
        entity: { type: 'mission', id },
        before: null,
        after: { flagId: flag.id, dueOn: due },
        reason: flag.detail,
        events: [flagRaised(flag)],
      });
      return 'raised';
    }
    if (mission.status === 'closed' && mission.recertificationFlagId) {
      const reason = 'the mission is closed';
      const flag = clearFlag(
        {
          id: mission.recertificationFlagId,
          reasonCode: 'recertification-overdue',
          raisedBy: 'accreditation',
          subjectType: 'mission',
          subjectId: id,
          missionId: id,
        },
        at,
      );
      await em.update(MissionEntity, { id }, { recertificationFlagId: null });
      await commitChange(em, {
        actor: SYSTEM_ACTOR,
        action: 'mission.recertification-overdue-cleared',
        entity: { type: 'mission', id },
        before: { flagId: mission.recertificationFlagId },
        after: null,
        reason,
        events: [flagCleared(flag, reason)],
      });
      return 'cleared';
    }
    return undefined;
  }
}
