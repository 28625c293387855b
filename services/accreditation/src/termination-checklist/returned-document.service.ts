import { Injectable, Optional } from '@nestjs/common';
import type { checklist, accreditation } from '@ofm/contracts';
import { canSeeMission, Clock, normalizeUuid, systemClock } from '@ofm/kernel';
import { inCommand } from '@ofm/persistence';
import { conflict, notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { findMember, memberToProto } from '../member/member.queries';
import { auditActor } from '../shared/audit-actor';
import { closeItem, itemsOf } from './checklist.store';

// An officer records a document given back to OFM (POST /members/{id}/returned-documents): the open
// item of that document and reference closes; the last one clears the documents-not-returned flag.
@Injectable()
export class ReturnedDocumentService {
  constructor(
    private readonly ds: DataSource,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async record(actor: Actor, request: checklist.RecordReturnedDocumentRequest): Promise<accreditation.Member> {
    const id = normalizeUuid(request.id);
    return inCommand(this.ds, async (em) => {
      const member = await findMember(em, id, 'pessimistic_write');
      if (!member || !canSeeMission(actor, member.missionId)) throw notFound('member', request.id);
      const items = await itemsOf(em, member.id);
      const reference = request.reference.trim();
      const item = items.find((i) => i.document === request.document && i.reference === reference);
      if (!item) {
        throw notFound('open item', `${request.document} ${reference} of member ${member.id}`);
      }
      if (item.status === 'returned') {
        throw conflict(`${item.document} ${item.reference} was already returned on ${item.returnedOn}`);
      }
      if (member.terminationEffectiveDate && request.returnedOn < member.terminationEffectiveDate) {
        throw ruleViolated('returned-on', 'A document is returned on or after the termination', [
          {
            field: 'returnedOn',
            message: `returnedOn must not be before the termination on ${member.terminationEffectiveDate}`,
          },
        ]);
      }
      const after = await closeItem(em, {
        member,
        item,
        returnedOn: request.returnedOn,
        closedBy: 'officer',
        actor: auditActor(actor),
        now: this.clock.now(),
      });
      return memberToProto(member, after);
    });
  }
}
