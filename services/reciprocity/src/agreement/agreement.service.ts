import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, type AgreementStatus, type AgreementSubject, type reciprocity } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { expectVersion, inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { PROFILE_COUNTRY_RULE, profileBodyErrors } from '../profile/profile.rules';
import { recordProfileVersion } from '../profile/profile-versions';
import { AgreementEntity } from './agreement.entity';
import { toAgreementMessage } from './agreement.mapper';
import { decideAgreementMove } from './agreement.rules';

// Bilateral agreements on reciprocity (objective 1.4). Entering into force records the profile
// version the agreement brings, effective from the in-force day, in the same transaction as the
// agreement's change: either both are recorded (and published) or neither is.
@Injectable()
export class AgreementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, request: reciprocity.RecordAgreementRequest): Promise<reciprocity.Agreement> {
    return inCommand(this.dataSource, async (em) => {
      const row = em.create(AgreementEntity, {
        id: randomUUID(),
        country: request.country,
        subject: request.subject as AgreementSubject,
        status: 'proposed',
        summary: request.summary,
        documents: request.documents,
        proposedOn: request.proposedOn || this.clock.today(),
        signedOn: null,
        inForceOn: null,
        lapsedOn: null,
        profileVersion: null,
        version: 1,
        recordedBy: actor.subject,
      });
      await em.insert(AgreementEntity, row);
      const agreement = toAgreementMessage(await em.findOneByOrFail(AgreementEntity, { id: row.id }));
      await commitChange(em, {
        actor,
        action: 'agreement.recorded',
        entity: { type: 'agreement', id: row.id },
        before: null,
        after: agreement,
        events: [{ type: EVENT_TYPES.agreementRecorded, subject: row.id, data: { agreement } }],
      });
      return agreement;
    });
  }

  async changeStatus(actor: Actor, request: reciprocity.ChangeAgreementStatusRequest): Promise<reciprocity.Agreement> {
    return inCommand(this.dataSource, async (em) => {
      const current = await this.locked(em, request.id);
      expectVersion(current.version, request.expectedVersion);
      const to = request.status as AgreementStatus;
      const day = request.on || this.clock.today();
      // proto-loader decodes an absent message field as null, ts-proto as undefined: either is "none".
      const move = decideAgreementMove(current.status, to, day, current, !!request.profile);
      if (!move.ok) throw ruleViolated(move.rule, move.errors.map((e) => e.message).join('; '), move.errors);

      let profileVersion = current.profileVersion;
      if (to === 'in-force') {
        const body = { ...request.profile!, effectiveFrom: day };
        const errors = profileBodyErrors(current.country, body);
        if (errors.length) throw ruleViolated(PROFILE_COUNTRY_RULE, errors[0]!.message, errors);
        const { profile } = await recordProfileVersion(em, actor, {
          country: current.country,
          body,
          agreementId: current.id,
          skipUnchanged: false,
        });
        profileVersion = profile.version;
      }
      const before = toAgreementMessage(current);
      await em.update(
        AgreementEntity,
        { id: current.id },
        {
          ...move.days,
          status: to,
          profileVersion,
          documents: [...current.documents, ...request.documents],
          version: current.version + 1,
          updatedAt: () => 'now()',
        },
      );
      const agreement = toAgreementMessage(await em.findOneByOrFail(AgreementEntity, { id: current.id }));
      await commitChange(em, {
        actor,
        action: 'agreement.status-changed',
        entity: { type: 'agreement', id: current.id },
        before,
        after: agreement,
        events: [
          {
            type: EVENT_TYPES.agreementStatusChanged,
            subject: current.id,
            data: { agreement, previousStatus: current.status },
          },
        ],
      });
      return agreement;
    });
  }

  async list(country: string, status: string): Promise<reciprocity.Agreement[]> {
    const rows = await this.dataSource.manager.find(AgreementEntity, {
      where: { country, ...(status ? { status: status as AgreementStatus } : {}) },
      order: { proposedOn: 'DESC', recordedAt: 'DESC' },
    });
    return rows.map(toAgreementMessage);
  }

  async get(id: string): Promise<reciprocity.Agreement> {
    const row = await this.dataSource.manager.findOneBy(AgreementEntity, { id });
    if (!row) throw notFound('agreement', id);
    return toAgreementMessage(row);
  }

  private async locked(em: EntityManager, id: string): Promise<AgreementEntity> {
    const row = await em.findOne(AgreementEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('agreement', id);
    return row;
  }
}
