import { Injectable, Optional } from '@nestjs/common';
import type { verification } from '@ofm/contracts';
import { Clock, systemClock } from '@ofm/kernel';
import type { Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { normalizeIdCardNumber } from '../member/id-card.rules';
import { readCardHolder, readReportedCardHolder } from '../member/member.reads';
import { auditActor } from '../shared/audit-actor';
import { auditVerification } from './verification.audit';
import { verificationOf } from './verification.rules';

// A check, not a change: it leaves an audit record of who asked (auditVerification) and no event.
@Injectable()
export class VerifyMemberService {
  constructor(
    private readonly ds: DataSource,
    // OFM's day and time; the system clock unless the module provides another (a test's).
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Law-enforcement check of an ID card, decided here (verification.rules) so that every consumer
   * reads the same words. A card nobody holds answers `unknown`. Every check, found or not, is audited.
   */
  async verifyIdCard(actor: Actor, idCardNumber: string): Promise<verification.Verification> {
    const number = normalizeIdCardNumber(idCardNumber);
    const now = this.clock.now();
    // A number not on any member may be one reported lost or stolen (id-card/): it answers so.
    const held = await readCardHolder(this.ds, number);
    const reportedCard = held ? null : await readReportedCardHolder(this.ds, number);
    const found = held ?? reportedCard;
    const member = found?.member;
    const reported = reportedCard?.kind;
    const answer = verificationOf(member, found?.missionName, now, reported);
    await auditVerification(this.ds, {
      actor: auditActor(actor),
      action: 'id-card.verified',
      entityType: member ? 'member' : 'id-card',
      entityId: member?.id ?? number,
      after: member
        ? {
            idCardNumber: number,
            status: member.status,
            immunityLevel: member.immunityLevel,
            verification: answer.status,
            ...(reported ? { reported } : {}),
          }
        : { idCardNumber: number, found: false },
    });
    return answer;
  }
}
