import { Injectable, Logger } from '@nestjs/common';
import type { accreditation } from '@ofm/contracts';
import { GrpcStatus, isGrpcError, ProblemDetailsError, problemFromStatus, type Actor } from '@ofm/platform';
import { activeTraceIds } from '@ofm/platform/telemetry';
import { DataSource } from 'typeorm';
import { Downstream } from '../grpc/downstream';
import { orNull } from '../http/values';
import { VerificationAuditEntity } from './verification-audit.entity';
import {
  plateStatus,
  shownImmunityLevel,
  verificationStatusOf,
  type VerificationStatus,
} from './verification-status.rules';
import type { GuidanceView, VerificationView } from './verification.dto';

export type VerificationQuery = { kind: 'id-card'; value: string } | { kind: 'plate'; value: string };

const NOBODY = {
  name: null,
  mission: null,
  country: null,
  category: null,
  immunityLevel: null,
  guidance: null,
} as const;

// A mission-owned vehicle has no person behind it: privileges and immunities belong to people, not to
// cars, so what an officer may do depends on whoever drives it. The booklet's P&I words always come
// from accreditation (VerifyIdCard, VerifyMember); these are the gateway's only words, and they send
// the officer to the driver's ID card. A traffic citation may always be issued, whoever drives.
export const MISSION_VEHICLE_GUIDANCE: GuidanceView = {
  arrest: "Depends on the driver: the vehicle belongs to the mission; verify the driver's ID card",
  residenceInviolable: "Depends on the driver: verify the driver's ID card",
  prosecution: "Depends on the driver: verify the driver's ID card",
  ticket: 'May be issued a traffic citation',
};

// What accreditation answers for a verified person (VerifyIdCard and VerifyMember have the same fields).
type PersonVerification = accreditation.VerifyIdCardResponse | accreditation.VerifyMemberResponse;

// Law-enforcement verification: who holds this card or plate, are they protected, and what an
// officer may do. Accreditation decides a person's status and gives the booklet's guidance; the
// vehicles service answers a plate with its registration and mission. Every service sees the
// caller's own identity. Every answer is recorded in verification_audit before it is given.
@Injectable()
export class VerificationService {
  private readonly logger = new Logger(VerificationService.name);

  constructor(
    private readonly downstream: Downstream,
    private readonly ds: DataSource,
  ) {}

  async verify(query: VerificationQuery, actor: Actor, now = new Date()): Promise<VerificationView> {
    const answer =
      query.kind === 'id-card' ? await this.idCard(query.value, actor, now) : await this.plate(query.value, actor, now);
    await this.audit(query, actor, answer.status as VerificationStatus, now);
    return answer;
  }

  private async idCard(number: string, actor: Actor, now: Date): Promise<VerificationView> {
    const found = await notFoundAsUndefined(this.downstream.members.verifyIdCard({ idCardNumber: number }, actor));
    if (!found?.member) return { status: 'unknown', ...NOBODY, checkedAt: now.toISOString() };
    return { status: verificationStatusOf(found.status), ...holder(found, now), checkedAt: now.toISOString() };
  }

  private async plate(plate: string, actor: Actor, now: Date): Promise<VerificationView> {
    const found = await notFoundAsUndefined(this.downstream.vehicles.verifyPlate({ plate }, actor));
    const vehicle = found?.vehicle;
    if (!found || !vehicle) return { status: 'unknown', ...NOBODY, plate, checkedAt: now.toISOString() };
    const status = plateStatus(
      {
        registrationStatus: vehicle.registration?.status ?? '',
        registrationExpiresOn: vehicle.registration?.expiresOn || undefined,
      },
      now,
    );
    const vehicleFacts = {
      plate: vehicle.plate || plate,
      registration: { status: vehicle.registration?.status ?? '', expiresOn: orNull(vehicle.registration?.expiresOn) },
      insuranceStatus: vehicle.insuranceStatus,
    };
    const mission = { mission: orNull(found.missionName), country: orNull(found.missionCountry) };

    if (!vehicle.ownerMemberId) {
      return {
        status,
        ...NOBODY,
        name: mission.mission,
        ...mission,
        guidance: MISSION_VEHICLE_GUIDANCE,
        ...vehicleFacts,
        note: "Mission-owned vehicle: immunity belongs to the driver, not the vehicle; verify the driver's ID card (?idCard=).",
        checkedAt: now.toISOString(),
      };
    }
    // The owner, verified by accreditation under the caller's own identity (audited there too).
    const owner = await this.owner(vehicle.ownerMemberId, actor);
    if (!owner?.member) {
      return {
        status,
        ...NOBODY,
        ...mission,
        ...vehicleFacts,
        note: 'The owner could not be looked up.',
        checkedAt: now.toISOString(),
      };
    }
    const person = holder(owner, now);
    return {
      status,
      ...person,
      mission: person.mission ?? mission.mission,
      country: person.country ?? mission.country,
      ...vehicleFacts,
      ownerStatus: verificationStatusOf(owner.status),
      checkedAt: now.toISOString(),
    };
  }

  // The registration is worth answering even when the owner cannot be verified: a failure here is
  // logged and the officer is told, never a failed verification.
  private async owner(memberId: string, actor: Actor): Promise<accreditation.VerifyMemberResponse | undefined> {
    try {
      return await notFoundAsUndefined(this.downstream.members.verifyMember({ memberId }, actor));
    } catch (error) {
      this.logger.warn(
        `owner verification for a plate failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  // No unaudited answer: if the record cannot be written, the verification fails.
  private async audit(query: VerificationQuery, actor: Actor, status: VerificationStatus, now: Date): Promise<void> {
    try {
      await this.ds.getRepository(VerificationAuditEntity).insert({
        occurredAt: now,
        actorSubject: actor.subject,
        actorRoles: actor.roles,
        queryKind: query.kind,
        queryValue: query.value,
        resultStatus: status,
        traceId: activeTraceIds().trace_id ?? null,
      });
    } catch (error) {
      this.logger.error(error instanceof Error ? error : new Error(String(error)), 'verification audit failed');
      throw new ProblemDetailsError(problemFromStatus(503, 'The verification could not be recorded; retry later'));
    }
  }
}

/** Who the person is, in REST words; status and guidance exactly as accreditation decided them. */
const holder = (found: PersonVerification, now: Date) => {
  const member = found.member!;
  const guidance = found.guidance;
  return {
    name: `${member.givenName} ${member.familyName}`.trim(),
    mission: orNull(found.missionName),
    country: orNull(member.missionCountry),
    category: orNull(member.category),
    immunityLevel: shownImmunityLevel(member.immunityLevel, member.immunityEndsOn, now),
    guidance: guidance
      ? {
          arrest: guidance.arrest,
          residenceInviolable: guidance.residenceInviolable,
          prosecution: guidance.prosecution,
          ticket: guidance.ticket,
        }
      : null,
    immunityEndsOn: orNull(member.immunityEndsOn),
  };
};

const notFoundAsUndefined = async <T>(call: Promise<T>): Promise<T | undefined> => {
  try {
    return await call;
  } catch (error) {
    if (isGrpcError(error) && error.code === GrpcStatus.NOT_FOUND) return undefined;
    throw error;
  }
};
