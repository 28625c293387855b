import { Injectable, Optional } from '@nestjs/common';
import { EVENT_TYPES, type reciprocity } from '@ofm/contracts';
import { Clock, systemClock } from '@ofm/kernel';
import { consularImmunityDecision } from '@ofm/reciprocity';
import { profileInForce } from '@ofm/replicas';
import { In, type EntityManager } from 'typeorm';
import { immunityLevelFor } from '../member/immunity.rules';
import { MemberEntity } from '../member/member.entity';
import { commitMemberChange } from '../member/member.commit';
import { memberSnapshot } from '../member/member.queries';
import { missionNameOf } from '../mission/mission.queries';
import { lawEnforcementNotices } from '../partner/law-enforcement.notice';

const SYSTEM_ACTOR = { subject: 'system:accreditation', roles: [] as never[] };
const CONSULAR_STAFF = ['consular-officer', 'consular-employee'];

// When a bilateral consular agreement comes into force (or lapses), the consular staff already
// accredited from that country hold the wrong immunity until someone re-decides them — and a
// trooper reading "may be arrested for a felony" could arrest a consul the agreement protects. So a
// new profile version in force today re-decides their level at once, in the inbox transaction that
// stores the version. A version dated in the future applies to decisions from its day on; existing
// staff are re-decided when the next version arrives (no sweep on the day itself yet).
@Injectable()
export class ConsularImmunityReview {
  constructor(@Optional() private readonly clock: Clock = systemClock) {}

  async profileUpdated(em: EntityManager, profile: reciprocity.ReciprocityProfile): Promise<number> {
    const today = this.clock.today();
    const current = await profileInForce(em, profile.country, today);
    if (current.version !== profile.version) return 0;
    const byAgreement = consularImmunityDecision(current).outcome;
    const staff = await em.find(MemberEntity, {
      where: { missionCountry: profile.country, status: 'accredited', category: In(CONSULAR_STAFF) },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    let changed = 0;
    for (const member of staff) {
      const level = immunityLevelFor(member, undefined, { consularFullImmunityByAgreement: byAgreement });
      if (level === member.immunityLevel) continue;
      const before = memberSnapshot(member);
      member.immunityLevel = level;
      member.reciprocityProfileVersion = current.version;
      await commitMemberChange(em, member, {
        actor: SYSTEM_ACTOR,
        before,
        action: 'member.immunity-redecided',
        reason: consularImmunityDecision(current).reason,
        now: this.clock.now(),
        events: async (proto) => [
          {
            type: EVENT_TYPES.memberChanged,
            subject: member.id,
            data: { member: proto, changedFields: ['immunityLevel', 'reciprocityProfileVersion'] },
          },
          ...lawEnforcementNotices(
            'level-changed',
            [member],
            await missionNameOf(em, member.missionId),
            member.updatedAt,
          ),
        ],
      });
      changed += 1;
    }
    return changed;
  }
}
