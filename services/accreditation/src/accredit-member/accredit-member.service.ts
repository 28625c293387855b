import { Inject, Injectable, Optional } from '@nestjs/common';
import { accreditation, EVENT_TYPES } from '@ofm/contracts';
import { expectVersion, inCommand, refuseAfterCommit } from '@ofm/persistence';
import { canSeeMission, Clock, normalizeUuid, systemClock } from '@ofm/kernel';
import { conflict, notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { MissionEntity } from '../mission/mission.entity';
import { lawEnforcementNotices } from '../partner/law-enforcement.notice';
import { ReciprocityProfiles } from '../reciprocity/reciprocity-profiles';
import { auditActor } from '../shared/audit-actor';
import { evaluateAccreditation, type AccreditationDecision } from './accreditation.rules';
import { idCardExpiresOn, idCardNumber } from '../member/id-card.rules';
import { commitMemberChange } from '../member/member.commit';
import type { MemberEntity } from '../member/member.entity';
import { findMember, memberSnapshot, memberToProto, nextIdCardSequence } from '../member/member.queries';

// The rule named in a refusal (problem type https://ofm.state.gov/problems/accreditation-criteria).
export const ACCREDITATION_CRITERIA_RULE = 'accreditation-criteria';

@Injectable()
export class AccreditMemberService {
  constructor(
    private readonly ds: DataSource,
    @Inject(ACCREDITATION_SETTINGS) private readonly settings: AccreditationSettings,
    private readonly profiles: ReciprocityProfiles,
    // OFM's day and time; the system clock unless the module provides another (a test's).
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Decides a notified (or earlier refused) appointment. A refusal is a decision too: it is stored,
   * audited and published, and the transaction commits BEFORE the refusal is answered as an error
   * (refuseAfterCommit: a retry with the same request id gets the same refusal, decided once).
   */
  async accredit(actor: Actor, request: accreditation.AccreditMemberRequest): Promise<accreditation.Member> {
    return inCommand(this.ds, async (em) => {
      const { member, decision } = await this.decide(em, actor, request);
      if (decision.accredited) return memberToProto(member);
      return refuseAfterCommit(
        ruleViolated(
          ACCREDITATION_CRITERIA_RULE,
          `Member ${member.id} does not meet ${decision.failedCriteria.length} accreditation criteria; the refusal is recorded`,
          decision.failedCriteria.map((f) => ({ field: f.criterion, message: f.message })),
        ),
      );
    });
  }

  private async decide(
    em: EntityManager,
    actor: Actor,
    request: accreditation.AccreditMemberRequest,
  ): Promise<{ member: MemberEntity; decision: AccreditationDecision }> {
    const id = normalizeUuid(request.id);
    const unlocked = await findMember(em, id);
    if (!unlocked || !canSeeMission(actor, unlocked.missionId)) throw notFound('member', request.id);
    // Principal before dependent, as every writer does (see member.queries.ts).
    const principal = unlocked.principalId ? await findMember(em, unlocked.principalId, 'pessimistic_read') : null;
    const member = (await findMember(em, id, 'pessimistic_write'))!;
    expectVersion(member.version, request.expectedVersion);
    if (member.status === 'accredited') throw conflict(`Member ${member.id} is already accredited`);
    if (member.status === 'terminated') throw conflict(`Member ${member.id} is terminated`);

    const mission = await em.findOneByOrFail(MissionEntity, { id: member.missionId });
    const today = this.clock.today();
    // The sending state's profile in force today decides a same-sex spouse and consular immunity by
    // agreement; the member records the version, so the decision can be traced to it.
    const profile = await this.profiles.inForce(mission.country, today, em);
    const decision = evaluateAccreditation(member, mission, principal ?? undefined, today, profile);
    const before = memberSnapshot(member);

    member.decidedOn = today;
    member.reciprocityProfileVersion = decision.profileVersion;
    if (decision.accredited) {
      member.status = 'accredited';
      member.failedCriteria = null;
      member.immunityLevel = decision.immunityLevel;
      if (decision.idCardColor) {
        member.idCard = {
          number: idCardNumber(decision.idCardColor, await nextIdCardSequence(em)),
          color: decision.idCardColor,
          expiresOn: idCardExpiresOn(member, today, this.settings.idCardValidityYears),
        };
      }
    } else {
      member.status = 'refused';
      member.failedCriteria = decision.failedCriteria;
    }
    await commitMemberChange(em, member, {
      actor: auditActor(actor),
      before,
      action: decision.accredited ? 'member.accredited' : 'member.refused',
      reason: decision.accredited ? null : decision.failedCriteria.map((f) => f.criterion).join(', '),
      now: this.clock.now(),
      events: (proto) =>
        decision.accredited
          ? [
              { type: EVENT_TYPES.memberAccredited, subject: member.id, data: { member: proto } },
              ...lawEnforcementNotices('accredited', [member], mission.name, member.updatedAt),
            ]
          : [
              {
                type: EVENT_TYPES.memberRefused,
                subject: member.id,
                data: { member: proto, failedCriteria: decision.failedCriteria.map((f) => f.criterion) },
              },
            ],
    });
    return { member, decision };
  }
}
