import { Inject, Injectable, Optional } from '@nestjs/common';
import { clearFlag, flagCleared } from '@ofm/compliance';
import { EVENT_TYPES, missions, type tenure } from '@ofm/contracts';
import { canSeeMission, Clock, normalizeUuid, systemClock } from '@ofm/kernel';
import { inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { commitMissionChange, missionSnapshot } from '../mission/mission.commit';
import { MissionEntity } from '../mission/mission.entity';
import { auditActor } from '../shared/audit-actor';
import { decideConfirmation, nextDueOn } from './recertification.rules';

// A mission confirms its staff list (objective 2.1): the confirmation (who, when), the next due date,
// the clearing of an open recertification-overdue flag, the audit record and missionRecertified
// commit together. The members it says have left are named in the event and the audit; their
// terminations are still the mission's to notify (terminate-member).
@Injectable()
export class RecertificationService {
  constructor(
    private readonly ds: DataSource,
    @Inject(ACCREDITATION_SETTINGS) private readonly settings: AccreditationSettings,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async recertify(actor: Actor, request: tenure.RecertifyMissionRequest): Promise<missions.Mission> {
    const id = normalizeUuid(request.missionId);
    const departed = request.departedMemberIds.map(normalizeUuid);
    return inCommand(this.ds, async (em) => {
      const mission = await em.findOne(MissionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // Another mission's list is answered like a mission that does not exist.
      if (!mission || !canSeeMission(actor, mission.id)) throw notFound('mission', request.missionId);
      if (mission.status === 'closed')
        throw ruleViolated('recertification-mission-closed', 'A closed mission has no staff list to confirm');
      const serving: { id: string }[] = await em.query(
        `SELECT id FROM member WHERE mission_id = $1 AND status IN ('notified', 'accredited')`,
        [mission.id],
      );
      const decision = decideConfirmation(
        { confirmedMemberCount: request.confirmedMemberCount, departedMemberIds: departed },
        new Set(serving.map((m) => m.id)),
      );
      if (!decision.ok)
        throw ruleViolated(decision.rule, decision.message, [
          { field: 'departedMemberIds', message: decision.message },
        ]);

      const before = missionSnapshot(mission);
      const previousDueOn = mission.recertification.dueOn;
      const openFlagId = mission.recertificationFlagId;
      const today = this.clock.today();
      const now = this.clock.now();
      mission.recertification = {
        lastConfirmedOn: today,
        lastConfirmedBy: actor.subject,
        dueOn: nextDueOn(today, this.settings.recertificationCycleDays),
      };
      mission.recertificationFlagId = null;
      const { memberCountOnRecord } = decision;
      // What the mission said and what OFM holds: in the audit record beside the mission and in the event.
      const confirmation = {
        confirmedMemberCount: request.confirmedMemberCount,
        memberCountOnRecord,
        departedMemberIds: departed,
      };
      const reason = `staff list confirmed: ${request.confirmedMemberCount} member(s) (${memberCountOnRecord} on record), ${departed.length} said to have left`;
      return commitMissionChange(em, mission, {
        actor: auditActor(actor),
        before,
        action: 'mission.recertified',
        reason,
        now,
        alsoRecorded: confirmation,
        events: (proto) => [
          {
            type: EVENT_TYPES.missionRecertified,
            subject: mission.id,
            data: { mission: proto, ...confirmation, previousDueOn },
          },
          ...(openFlagId
            ? [
                flagCleared(
                  clearFlag(
                    {
                      id: openFlagId,
                      reasonCode: 'recertification-overdue',
                      raisedBy: 'accreditation',
                      subjectType: 'mission',
                      subjectId: mission.id,
                      missionId: mission.id,
                    },
                    now,
                  ),
                  reason,
                ),
              ]
            : []),
        ],
      });
    });
  }
}
