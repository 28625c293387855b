import { Inject, Injectable, Optional } from '@nestjs/common';
import { accreditation, EVENT_TYPES, type IdCardColor, type IdCardLossKind } from '@ofm/contracts';
import { Clock, systemClock } from '@ofm/kernel';
import { missionNameOf } from '../mission/mission.queries';
import { lawEnforcementNotices } from '../partner/law-enforcement.notice';
import { inCommand } from '@ofm/persistence';
import { ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { idCardExpiresOn, idCardNumber } from '../member/id-card.rules';
import { lockMemberForCommand } from '../member/member.lock';
import { commitMemberChange } from '../member/member.commit';
import { memberSnapshot, nextIdCardSequence } from '../member/member.queries';
import { auditActor } from '../shared/audit-actor';
import { IdCardReportEntity } from './id-card-report.entity';
import { lossProblems, renewalProblems } from './id-card.lifecycle.rules';

// The ID card's life after issue: renewal (same number, new expiry) and a loss or theft (the number
// is reported, a replacement with a new number is issued). Each commits state, audit and event together.
@Injectable()
export class IdCardService {
  constructor(
    private readonly ds: DataSource,
    @Inject(ACCREDITATION_SETTINGS) private readonly settings: AccreditationSettings,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async renew(actor: Actor, request: accreditation.RenewIdCardRequest): Promise<accreditation.Member> {
    return inCommand(this.ds, async (em) => {
      const { member } = await lockMemberForCommand(em, actor, request.id, request.expectedVersion);
      const today = this.clock.today();
      const facts = { ...member, visaExpiresOn: request.visaExpiresOn ?? member.visaExpiresOn };
      const expiresOn = idCardExpiresOn(facts, today, this.settings.idCardValidityYears);
      const problems = renewalProblems(member, expiresOn);
      if (problems.length) throw ruleViolated('id-card-renewal', 'The ID card cannot be renewed', problems);

      const before = memberSnapshot(member);
      const previousExpiresOn = member.idCard.expiresOn!;
      member.visaExpiresOn = facts.visaExpiresOn;
      member.idCard.expiresOn = expiresOn;
      return commitMemberChange(em, member, {
        actor: auditActor(actor),
        before,
        action: 'id-card.renewed',
        reason: `${member.idCard.number}: ${previousExpiresOn} to ${expiresOn}`,
        now: this.clock.now(),
        events: (m) => [
          { type: EVENT_TYPES.idCardRenewed, subject: member.id, data: { member: m, previousExpiresOn } },
        ],
      });
    });
  }

  async reportLoss(actor: Actor, request: accreditation.ReportIdCardLossRequest): Promise<accreditation.Member> {
    return inCommand(this.ds, async (em) => {
      const { member } = await lockMemberForCommand(em, actor, request.id, request.expectedVersion);
      const today = this.clock.today();
      const problems = lossProblems(member, request.reportedOn, today);
      if (problems.length) throw ruleViolated('id-card-loss', 'The loss cannot be reported', problems);

      const before = memberSnapshot(member);
      const reportedNumber = member.idCard.number!;
      const kind = request.kind as IdCardLossKind;
      await em.insert(IdCardReportEntity, {
        number: reportedNumber,
        memberId: member.id,
        kind,
        reportedOn: request.reportedOn,
        createdAt: this.clock.now(),
      });
      // The replacement keeps the card's colour and expiry: only the number, which may be in other hands, changes.
      member.idCard.number = idCardNumber(member.idCard.color as IdCardColor, await nextIdCardSequence(em));
      const now = this.clock.now();
      return commitMemberChange(em, member, {
        actor: auditActor(actor),
        before,
        action: 'id-card.reported-lost',
        reason: `${reportedNumber} reported ${kind} on ${request.reportedOn}; replaced by ${member.idCard.number}`,
        now,
        events: async (m) => [
          { type: EVENT_TYPES.idCardReportedLost, subject: member.id, data: { member: m, reportedNumber, kind } },
          // Law enforcement hears that whoever shows the old number may not be its holder.
          ...lawEnforcementNotices(
            kind === 'stolen' ? 'card-reported-stolen' : 'card-reported-lost',
            [{ ...member, idCard: { ...member.idCard, number: reportedNumber } }],
            await missionNameOf(em, member.missionId),
            now,
            kind,
          ),
        ],
      });
    });
  }
}
