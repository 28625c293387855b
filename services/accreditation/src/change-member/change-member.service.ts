import { Inject, Injectable, Optional } from '@nestjs/common';
import { accreditation, EVENT_TYPES, type MemberCategory } from '@ofm/contracts';
import { Clock, systemClock } from '@ofm/kernel';
import { inCommand } from '@ofm/persistence';
import { ruleViolated, type Actor } from '@ofm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCREDITATION_CRITERIA_RULE } from '../accredit-member/accredit-member.service';
import { evaluateAccreditation } from '../accredit-member/accreditation.rules';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { idCardExpiresOn, idCardNumber } from '../member/id-card.rules';
import { idCardColorFor, immunityLevelFor } from '../member/immunity.rules';
import type { MemberEntity } from '../member/member.entity';
import { commitMemberChange } from '../member/member.commit';
import { lockMemberForCommand } from '../member/member.lock';
import { lockDependents, memberSnapshot, memberToProto, nextIdCardSequence } from '../member/member.queries';
import { MissionEntity } from '../mission/mission.entity';
import { missionNameOf } from '../mission/mission.queries';
import { lawEnforcementNotices } from '../partner/law-enforcement.notice';
import { ReciprocityProfiles } from '../reciprocity/reciprocity-profiles';
import { auditActor } from '../shared/audit-actor';
import { cardAfterChange, changedFields, changeProblems, type MemberChange } from './change.rules';

const EMPTY_CARD = { number: null, color: null, expiresOn: null };

@Injectable()
export class ChangeMemberService {
  constructor(
    private readonly ds: DataSource,
    @Inject(ACCREDITATION_SETTINGS) private readonly settings: AccreditationSettings,
    private readonly profiles: ReciprocityProfiles,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  /**
   * A change notification. An accredited member whose category changes is decided again with the
   * accreditation criteria: a refusal stores nothing (the appointment stands as it was) and names
   * each failed criterion; otherwise its level and card follow, and so do its accredited dependents'.
   */
  async change(actor: Actor, request: accreditation.ChangeMemberRequest): Promise<accreditation.Member> {
    return inCommand(this.ds, async (em) => {
      const { member, principal } = await lockMemberForCommand(em, actor, request.id, request.expectedVersion);
      const change: MemberChange = request;
      const problems = changeProblems(member, change);
      if (problems.length) throw ruleViolated('member-change', 'The change notification breaks a rule', problems);

      const before = memberSnapshot(member);
      const fields: string[] = changedFields(member, change);
      for (const field of fields) Object.assign(member, { [field]: change[field as keyof MemberChange] });
      const today = this.clock.today();
      if (fields.includes('category') && member.status === 'accredited') {
        const mission = await em.findOneByOrFail(MissionEntity, { id: member.missionId });
        // Decided as accreditation decides: with the sending country's profile in force today.
        const profile = await this.profiles.inForce(mission.country, today, em);
        const decision = evaluateAccreditation(member, mission, principal ?? undefined, today, profile);
        if (!decision.accredited) {
          throw ruleViolated(
            ACCREDITATION_CRITERIA_RULE,
            `As ${member.category}, member ${member.id} would not meet ${decision.failedCriteria.length} accreditation criteria; nothing changed`,
            decision.failedCriteria.map((f) => ({ field: f.criterion, message: f.message })),
          );
        }
        if (decision.immunityLevel !== member.immunityLevel) fields.push('immunityLevel');
        member.immunityLevel = decision.immunityLevel;
        member.reciprocityProfileVersion = decision.profileVersion;
        if (await this.followCard(em, member, decision.idCardColor, today)) fields.push('idCard');
      }
      await this.commit(em, actor, member, before, fields);
      if (fields.includes('immunityLevel') || fields.includes('idCard'))
        await this.followDependents(em, actor, member, today);
      return memberToProto(member);
    });
  }

  /** The card after a new decision; true when it changed. */
  private async followCard(
    em: EntityManager,
    member: MemberEntity,
    color: ReturnType<typeof idCardColorFor>,
    today: string,
  ): Promise<boolean> {
    const next = cardAfterChange(member.idCard?.color, color);
    if (next === 'keep' || next === 'none') return false;
    member.idCard =
      next === 'withdraw'
        ? { ...EMPTY_CARD }
        : {
            number: idCardNumber(color!, await nextIdCardSequence(em)),
            color: color!,
            expiresOn: idCardExpiresOn(member, today, this.settings.idCardValidityYears),
          };
    return true;
  }

  // Families share the principal's level ("same as principal"), so its accredited dependents follow.
  private async followDependents(em: EntityManager, actor: Actor, principal: MemberEntity, today: string) {
    for (const dependent of await lockDependents(em, principal.id)) {
      if (dependent.status !== 'accredited') continue;
      const before = memberSnapshot(dependent);
      const fields: string[] = [];
      const level = immunityLevelFor(dependent, principal);
      if (level !== dependent.immunityLevel) fields.push('immunityLevel');
      dependent.immunityLevel = level;
      const color = idCardColorFor('dependent', level, principal.category as MemberCategory, dependent);
      if (await this.followCard(em, dependent, color, today)) fields.push('idCard');
      if (fields.length) await this.commit(em, actor, dependent, before, fields);
    }
  }

  private commit(em: EntityManager, actor: Actor, member: MemberEntity, before: unknown, fields: string[]) {
    return commitMemberChange(em, member, {
      actor: auditActor(actor),
      before,
      action: 'member.changed',
      reason: fields.join(', '),
      now: this.clock.now(),
      events: async (proto) => [
        { type: EVENT_TYPES.memberChanged, subject: member.id, data: { member: proto, changedFields: fields } },
        // A new level or card is what an officer at the roadside must know of.
        ...(fields.includes('immunityLevel') || fields.includes('idCard')
          ? lawEnforcementNotices(
              'level-changed',
              [member],
              await missionNameOf(em, member.missionId),
              member.updatedAt,
            )
          : []),
      ],
    });
  }
}
