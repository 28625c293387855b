import { Inject, Injectable, Optional } from '@nestjs/common';
import { clearFlag, flagCleared } from '@ofm/compliance';
import { EVENT_TYPES, missions, type tenure } from '@ofm/contracts';
import { canSeeMission, Clock, normalizeUuid, systemClock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { MissionEntity } from '../mission/mission.entity';
import { auditActor } from '../shared/audit-actor';
import { toMessage } from '../shared/message.util';
import { decideConfirmation, nextDueOn } from './recertification.rules';

const missionToProto = (m: MissionEntity): missions.Mission => toMessage(missions.Mission, m);

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

      const before = missions.Mission.toJSON(missionToProto(mission));
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
      mission.version += 1;
      mission.updatedAt = now;
      await em.save(mission);

      const proto = missionToProto(mission);
      const { memberCountOnRecord } = decision;
      const reason = `staff list confirmed: ${request.confirmedMemberCount} member(s) (${memberCountOnRecord} on record), ${departed.length} said to have left`;
      await commitChange(em, {
        actor: auditActor(actor),
        action: 'mission.recertified',
        entity: { type: 'mission', id: mission.id },
        before,
        after: {
          ...(missions.Mission.toJSON(proto) as object),
          confirmedMemberCount: request.confirmedMemberCount,
          memberCountOnRecord,
          departedMemberIds: departed,
        },
        reason,
        events: [
          {
            type: EVENT_TYPES.missionRecertified,
            subject: mission.id,
            data: {
              mission: proto,
              confirmedMemberCount: request.confirmedMemberCount,
              memberCountOnRecord,
              departedMemberIds: departed,
              previousDueOn,
            },
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
      return proto;
    });
  }
}
