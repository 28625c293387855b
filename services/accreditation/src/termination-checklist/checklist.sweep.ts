import { flagRaised } from '@ofm/compliance';
import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { Clock, ofmDay, systemClock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inTransaction, PeriodicJobs } from '@ofm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { ImmunityEndAnnouncer } from '../immunity-end/immunity-end.announcer';
import { findMember } from '../member/member.queries';
import { documentsNotReturnedFlag, flagToRaise } from './checklist.rules';
import { checklistOf } from '../member/member-checklist.entity';
import { itemsOf } from './checklist.store';

export const CHECKLIST_SWEEP_SETTINGS = Symbol('CHECKLIST_SWEEP_SETTINGS');
export interface ChecklistSweepSettings {
  /** CHECKLIST_SWEEP_INTERVAL_MS: 0 runs it only when called. */
  everyMs: number;
}

export interface ChecklistSweepResult {
  flagged: number;
  immunityEnded: number;
}

const SYSTEM_ACTOR = { subject: 'system:accreditation', roles: [] as string[] };

// The termination checklist's clock: raises ONE documents-not-returned flag per member whose open
// items are past due (its id kept in member_checklist, so a second pass raises nothing; the return of
// the last item clears it), then sends the immunity-ended notices due. It runs every
// CHECKLIST_SWEEP_INTERVAL_MS on one replica at a time (PeriodicJobs' advisory lock); each member is
// its own transaction, so one failure stops nothing else.
@Injectable()
export class ChecklistSweep implements OnModuleInit {
  private readonly logger = new Logger(ChecklistSweep.name);
  private running: Promise<ChecklistSweepResult> | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: PeriodicJobs,
    private readonly immunityEnd: ImmunityEndAnnouncer,
    @Inject(CHECKLIST_SWEEP_SETTINGS) private readonly settings: ChecklistSweepSettings,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'accreditation.checklist-sweep',
      everyMs: this.settings.everyMs,
      run: () => this.sweep(),
    });
  }

  /** One pass as of `at` (default now); a pass already running is joined, never doubled. */
  sweep(at: Date = this.clock.now()): Promise<ChecklistSweepResult> {
    this.running ??= this.pass(at).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(at: Date): Promise<ChecklistSweepResult> {
    const on = ofmDay(at);
    const candidates = (await this.ds.query(
      `SELECT DISTINCT o.member_id AS id FROM member_open_item o
         LEFT JOIN member_checklist c ON c.member_id = o.member_id
        WHERE o.status = 'open' AND o.due_on < $1 AND c.flag_id IS NULL
        ORDER BY o.member_id`,
      [on],
    )) as { id: string }[];
    let flagged = 0;
    for (const { id } of candidates) {
      try {
        if (await inTransaction(this.ds, (em) => this.flagMember(em, id, at))) flagged++;
      } catch (error) {
        this.logger.error({ msg: 'checklist sweep failed for a member', memberId: id, err: error });
      }
    }
    const immunityEnded = await this.immunityEnd.pass(at);
    if (flagged + immunityEnded > 0) this.logger.log({ msg: 'checklist sweep', on, flagged, immunityEnded });
    return { flagged, immunityEnded };
  }

  private async flagMember(em: EntityManager, id: string, at: Date): Promise<boolean> {
    const member = await findMember(em, id, 'pessimistic_write');
    if (!member) return false;
    const checklist = await checklistOf(em, id);
    const raise = flagToRaise(checklist, await itemsOf(em, id), ofmDay(at));
    if (!raise) return false;
    const flag = documentsNotReturnedFlag(member, raise.detail, at);
    checklist.flagId = flag.id;
    checklist.flagDetail = flag.detail;
    await em.save(checklist);
    await commitChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'member.documents-not-returned',
      entity: { type: 'member', id },
      before: { flagId: null },
      after: { flagId: flag.id, detail: flag.detail },
      reason: raise.detail,
      events: [flagRaised(flag)],
    });
    return true;
  }
}
