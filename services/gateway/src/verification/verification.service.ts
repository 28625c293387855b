import { Injectable, Logger } from '@nestjs/common';
import type { accreditation, missions } from '@ofm/contracts';
import { GrpcStatus, isGrpcError, ProblemDetailsError, problemFromStatus, type Actor } from '@ofm/platform';
import { activeTraceIds } from '@ofm/platform/telemetry';
import { DataSource } from 'typeorm';
import { Downstream } from '../grpc/downstream';
import { orNull } from '../http/values';
import { guidanceFor } from './guidance';
import { VerificationAuditEntity } from './verification-audit.entity';
import { idCardStatus, plateStatus, type VerificationStatus } from './verification-status.rules';
import type { VerificationView } from './verification.dto';

export type VerificationQuery = { kind: 'id-card'; value: string } | { kind: 'plate'; value: string };

const UNKNOWN = { name: null, mission: null, country: null, category: null, immunityLevel: null, guidance: null } as const;

// Law-enforcement verification: who holds this card or plate, are they protected, and what an
// officer may do. Every answer is recorded in verification_audit before it is given.
@Injectable()
export class VerificationService {
  private readonly logger = new Logger(VerificationService.name);

  constructor(
    private readonly downstream: Downstream,
    private readonly ds: DataSource,
  ) {}

  async verify(query: VerificationQuery, actor: Actor, now = new Date()): Promise<VerificationView> {
    const answer = query.kind === 'id-card' ? await this.idCard(query.value, actor, now) : await this.plate(query.value, actor, now);
    await this.audit(query, actor, answer.status as VerificationStatus, now);
    return answer;
  }

  private async idCard(number: string, actor: Actor, now: Date): Promise<VerificationView> {
    const found = await notFoundAsUndefined(this.downstream.members.verifyIdCard({ idCardNumber: number }, actor));
    const member = found?.member;
    if (!member) return { status: 'unknown', ...UNKNOWN, checkedAt: now.toISOString() };
    const status = idCardStatus({ status: member.status, idCardExpiresOn: member.idCard?.expiresOn || undefined, immunityEndsOn: member.immunityEndsOn || undefined }, now);
    return { status, ...this.holder(member, found.missionName, now), checkedAt: now.toISOString() };
  }

  private async plate(plate: string, actor: Actor, now: Date): Promise<VerificationView> {
    const found = await notFoundAsUndefined(this.downstream.vehicles.verifyPlate({ plate }, actor));
    const vehicle = found?.vehicle;
    if (!vehicle) return { status: 'unknown', ...UNKNOWN, plate, checkedAt: now.toISOString() };
    const status = plateStatus({ registrationStatus: vehicle.registration?.status ?? '', registrationExpiresOn: vehicle.registration?.expiresOn || undefined }, now);
    const vehicleFacts = {
      plate: vehicle.plate || plate,
      registration: { status: vehicle.registration?.status ?? '', expiresOn: orNull(vehicle.registration?.expiresOn) },
      insuranceStatus: vehicle.insuranceStatus,
    };
    // The owner's identity lives in accreditation, whose GetMember/GetMission do not admit law
    // enforcement: the gateway, having authorized this verification, reads the owner under a
    // read-only identity of its own that names the caller. Without it the officer still gets the
    // registration. (To move: VerifyPlate answering the owner's facts from the vehicles replica.)
    const reader = ownerLookupActor(actor);
    const mission = await this.lookup(() => this.downstream.missions.getMission({ id: vehicle.missionId }, reader).then((a) => a.mission));
    if (vehicle.ownerMemberId) {
      const member = await this.lookup(() => this.downstream.members.getMember({ id: vehicle.ownerMemberId }, reader).then((a) => a.member));
      if (member) return { status, ...this.holder(member, mission?.name ?? '', now), ...vehicleFacts, checkedAt: now.toISOString() };
      return { status, ...UNKNOWN, mission: orNull(mission?.name), country: orNull(mission?.country), ...vehicleFacts, note: 'The owner could not be looked up.', checkedAt: now.toISOString() };
    }
    return {
      status,
      ...UNKNOWN,
      name: orNull(mission?.name),
      mission: orNull(mission?.name),
      country: orNull(mission?.country),
      ...vehicleFacts,
      note: "Mission-owned vehicle: the driver's immunity depends on the driver's own ID card.",
      checkedAt: now.toISOString(),
    };
  }

  private holder(member: accreditation.Member, missionName: string, now: Date) {
    const immunityOver = member.status === 'terminated' && (!member.immunityEndsOn || member.immunityEndsOn < now.toISOString().slice(0, 10));
    const known = member.status === 'accredited' || member.status === 'terminated';
    return {
      name: `${member.givenName} ${member.familyName}`.trim(),
      mission: orNull(missionName),
      country: orNull(member.missionCountry),
      category: orNull(member.category),
      immunityLevel: immunityOver ? 'none' : orNull(member.immunityLevel),
      // Guidance only for someone OFM accredited; once immunity is over the person is like anyone else.
      guidance: !known ? null : guidanceFor(immunityOver ? 'none' : member.immunityLevel, member.category),
      immunityEndsOn: orNull(member.immunityEndsOn),
    };
  }

  private async lookup<T extends accreditation.Member | missions.Mission>(fetch: () => Promise<T | undefined>): Promise<T | undefined> {
    try {
      return await fetch();
    } catch (error) {
      this.logger.warn(`owner lookup for a plate verification failed: ${error instanceof Error ? error.message : String(error)}`);
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

export const ownerLookupActor = (caller: Actor): Actor => ({ subject: `gateway-verification:${caller.subject}`, roles: ['auditor'] });

const notFoundAsUndefined = async <T>(call: Promise<T>): Promise<T | undefined> => {
  try {
    return await call;
  } catch (error) {
    if (isGrpcError(error) && error.code === GrpcStatus.NOT_FOUND) return undefined;
    throw error;
  }
};
