import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { flagCleared, flagRaised } from '@ofm/compliance';
import { EVENT_TYPES, type accreditation, type licences, type verification } from '@ofm/contracts';
import { canSeeMission, Clock, isAfter, isIsoDay } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inCommand, inTransaction, recordAudit } from '@ofm/persistence';
import { conflict, notFound, ruleViolated, validationFailed, type Actor } from '@ofm/platform';
import { findMemberReplica, findMissionReplica } from '@ofm/replicas';
import { DataSource, type EntityManager } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { SYSTEM_ACTOR } from '../shared/system-actor';
import { isUniqueViolation } from '../shared/sql';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { commitLicenceChange } from './licence.commit';
import { LicenceEntity, LicenceSuspensionEntity, LicenceViolationEntity } from './licence.entity';
import { clearedPointsFlag, pointsThresholdFlag } from './licence.flags';
import {
  licenceAuditState,
  licenceVerification,
  toLicenceMessage,
  toSuspensionMessage,
  toViolationMessage,
  unknownLicenceVerification,
  type LicenceRecord,
} from './licence.mapper';
import { currentLicenceOf, findLicence, nextLicenceNumber, recordOf } from './licence.store';
import { pointsFlagChange, pointsOn, suspensionsFor } from './points.rules';

// Driver licences of accredited members and their points (docs/domain/driver-licences.md). Requests
// arrive checked against licence.proto's rules; mission scope and the domain rules are decided here.
@Injectable()
export class LicenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  async issue(actor: Actor, request: licences.IssueLicenceRequest): Promise<licences.Licence> {
    const today = this.clock.today();
    if (!isIsoDay(request.expiresOn) || !isAfter(request.expiresOn, today)) {
      throw validationFailed([{ field: 'expiresOn', message: `must be a day after today (${today})` }]);
    }
    return inCommand(this.dataSource, async (em) => {
      const member = await findMemberReplica(em, request.memberId);
      if (!member || !canSeeMission(actor, member.missionId)) {
        throw notFound('member', request.memberId);
      }
      if (member.status !== 'accredited') {
        throw ruleViolated(
          'member-not-accredited',
          `member ${member.id} is ${member.status}: OFM licences only accredited members`,
        );
      }
      if (await currentLicenceOf(em, member.id)) {
        throw conflict(`member ${member.id} already holds an OFM licence`);
      }
      const now = this.clock.now();
      const licence = em.create(LicenceEntity, {
        id: randomUUID(),
        number: await nextLicenceNumber(em),
        memberId: member.id,
        missionId: member.missionId,
        licenceClass: request.licenceClass,
        restrictions: [...request.restrictions],
        expiresOn: request.expiresOn,
        endedOn: undefined,
        pointsFlagId: undefined,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await em.insert(LicenceEntity, licence);
      } catch (error) {
        // Two officers issuing at once: the partial unique index decides.
        if (isUniqueViolation(error, 'licence_one_per_member'))
          throw conflict(`member ${member.id} already holds an OFM licence`);
        throw error;
      }
      const record: LicenceRecord = { licence, violations: [], suspensions: [] };
      const message = toLicenceMessage(record, today);
      await commitChange(em, {
        actor,
        action: 'licence.issued',
        entity: { type: 'licence', id: licence.id },
        before: null,
        after: licenceAuditState(record, today),
        events: [{ type: EVENT_TYPES.licenceIssued, subject: licence.id, data: { licence: message } }],
      });
      return message;
    });
  }

  async get(actor: Actor, id: string): Promise<licences.Licence> {
    const em = this.dataSource.manager;
    const licence = await findLicence(em, id);
    if (!licence || !canSeeMission(actor, licence.missionId)) throw notFound('licence', id);
    return toLicenceMessage(await recordOf(em, licence), this.clock.today());
  }

  /**
   * A violation with its points; in the same transaction the suspensions it brings (12 points in the
   * window, a DUI with a refused test), the points-threshold flag raised at 8 (once while open) or
   * cleared below it, and the events.
   */
  async recordViolation(actor: Actor, request: licences.RecordViolationRequest): Promise<licences.Licence> {
    const today = this.clock.today();
    const errors = [
      ...(!isIsoDay(request.date) || isAfter(request.date, today)
        ? [{ field: 'date', message: `must be a day no later than today (${today})` }]
        : []),
      ...(request.testRefused && !request.dui
        ? [{ field: 'testRefused', message: 'a refused test is recorded with dui: true' }]
        : []),
    ];
    // A refused test without DUI is allowed by the document (no schema keyword ties two fields): 422.
    if (errors.length > 0)
      throw ruleViolated('test-refused-without-dui', 'The violation breaks a rule: testRefused', errors);
    return inCommand(this.dataSource, async (em) => {
      const licence = await findLicence(em, request.licenceId, true);
      if (!licence || !canSeeMission(actor, licence.missionId)) throw notFound('licence', request.licenceId);
      if (licence.endedOn) {
        throw ruleViolated('licence-ended', `licence ${licence.number} ended on ${licence.endedOn}`);
      }
      const before = await recordOf(em, licence);
      const now = this.clock.now();
      const violation = em.create(LicenceViolationEntity, {
        id: randomUUID(),
        licenceId: licence.id,
        date: request.date,
        code: request.code,
        points: request.points,
        dui: request.dui,
        testRefused: request.testRefused,
        recordedAt: now,
      });
      await em.insert(LicenceViolationEntity, violation);
      const violations = [...before.violations, violation];
      const suspensions = suspensionsFor(
        violation,
        violations,
        today,
        this.config.LICENCE_DUI_REFUSAL_SUSPENSION_DAYS,
      ).map((s) =>
        em.create(LicenceSuspensionEntity, {
          id: randomUUID(),
          licenceId: licence.id,
          violationId: violation.id,
          ...s,
        }),
      );
      if (suspensions.length > 0) await em.insert(LicenceSuspensionEntity, suspensions);

      const points = pointsOn(violations, today);
      // The points are recomputed here, so the flag follows them both ways: raised at 8, and cleared
      // when older violations have aged out and the points stand below 8 even with this one.
      const change = pointsFlagChange(Boolean(licence.pointsFlagId), points);
      const flag = change === 'raise' ? pointsThresholdFlag(licence, points, now) : undefined;
      const cleared =
        change === 'clear' ? clearedPointsFlag(licence, licence.pointsFlagId!, points, today, now) : undefined;
      return commitLicenceChange(em, {
        actor,
        action: 'licence.violation-recorded',
        now,
        today,
        before,
        set: { pointsFlagId: cleared ? null : (flag?.id ?? licence.pointsFlagId ?? null) },
        violations,
        suspensions: [...before.suspensions, ...suspensions],
        events: (message) => [
          {
            type: EVENT_TYPES.violationRecorded,
            subject: licence.id,
            data: { licence: message, violation: toViolationMessage(violation) },
          },
          ...suspensions.map((s) => ({
            type: EVENT_TYPES.licenceSuspended,
            subject: licence.id,
            data: { licence: message, suspension: toSuspensionMessage(s) },
          })),
          ...(flag ? [flagRaised(flag)] : []),
          ...(cleared ? [flagCleared(cleared, `points below 8 on ${today}`)] : []),
        ],
      });
    });
  }

  /**
   * Law-enforcement check by licence number, audited found or not. The holder's name and mission
   * come from the replicas, which hold neither a date of birth nor an address.
   */
  async verify(actor: Actor, input: string): Promise<verification.Verification> {
    const number = input.trim().toUpperCase();
    const checkedAt = this.clock.now();
    const today = this.clock.today();
    return inTransaction(this.dataSource, async (em) => {
      const licence = await em.findOneBy(LicenceEntity, { number });
      let answer = unknownLicenceVerification(checkedAt);
      if (licence) {
        const member = await findMemberReplica(em, licence.memberId);
        const mission = await findMissionReplica(em, licence.missionId);
        answer = licenceVerification(
          await recordOf(em, licence),
          {
            name: member ? `${member.givenName} ${member.familyName}` : undefined,
            mission: mission?.name,
            country: mission?.country,
          },
          today,
          checkedAt,
        );
      }
      await recordAudit(em, {
        actor,
        action: 'licence.verified',
        entityType: 'licence',
        entityId: licence?.id ?? number,
        before: null,
        after: { number, status: answer.status, points: answer.licence?.points, found: Boolean(licence) },
      });
      return answer;
    });
  }

  /**
   * The holder's appointment ended (the accreditation replica's hook, in the inbox transaction of
   * the event): the licence ends on the termination's effective day. A licence must come back like
   * every document OFM issued; licence.ended carries its number for the termination checklist.
   */
  async holderTerminated(em: EntityManager, member: accreditation.Member, eventId: string): Promise<boolean> {
    const licence = await currentLicenceOf(em, member.id);
    if (!licence) return false;
    const today = this.clock.today();
    const before = await recordOf(em, licence);
    const reason = `holder ${member.id} terminated${member.terminationReason ? `: ${member.terminationReason}` : ''}`;
    await commitLicenceChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'licence.ended',
      reason: `${reason} (event ${eventId})`,
      now: this.clock.now(),
      today,
      before,
      set: { endedOn: member.terminationEffectiveDate || today },
      events: (ended) => [
        { type: EVENT_TYPES.licenceEnded, subject: licence.id, data: { licence: ended, reason: 'holder-terminated' } },
      ],
    });
    return true;
  }
}
