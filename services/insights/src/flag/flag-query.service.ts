import { Injectable } from '@nestjs/common';
import type { insights } from '@ofm/contracts';
import { missionRestriction, normalizeUuid, pageOf, readPage } from '@ofm/kernel';
import { forbidden, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { FlagEntity } from './flag.entity';
import { toComplianceFlag } from './flag.mapper';

// GET /flags. Requests arrive checked against flags.proto (uuids, program and status words). A
// mission user sees its own mission's flags, internal ones included: they are the mission's
// compliance items to answer; visibility says what travels on to partner agencies, not what the
// mission may see (docs/domain/compliance-flags.md).
@Injectable()
export class FlagQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, request: insights.ListFlagsRequest): Promise<insights.ListFlagsResponse> {
    const page = readPage(request.page, 'seq');
    if (!page.ok)
      throw ruleViolated('page-cursor', 'The cursor is not one this list returned', [
        { field: 'cursor', message: 'is not a cursor this API issued' },
      ]);
    const missionId = this.missionScope(actor, request.missionId);
    const query = this.dataSource.manager
      .createQueryBuilder(FlagEntity, 'f')
      .where('f.status = :status', { status: request.status || 'open' })
      .orderBy('f.seq', 'ASC')
      .take(page.limit + 1);
    if (missionId) query.andWhere('f.mission_id = :missionId', { missionId });
    if (request.memberId) query.andWhere('f.member_id = :memberId', { memberId: normalizeUuid(request.memberId) });
    if (request.program) query.andWhere('f.program = :program', { program: request.program });
    if (page.after !== undefined) query.andWhere('f.seq > :after', { after: page.after.seq.toString() });
    const { items, nextCursor } = pageOf(await query.getMany(), page.limit, (f) => ({ seq: BigInt(f.seq) }));
    return { flags: items.map(toComplianceFlag), nextCursor };
  }

  // No filter means the mission user's own mission; naming another mission is refused, not emptied.
  private missionScope(actor: Actor, requested: string): string | undefined {
    const restriction = missionRestriction(actor);
    if (restriction === undefined) return requested ? normalizeUuid(requested) : undefined;
    if (restriction === null) throw forbidden('A mission user without a mission may not list flags');
    if (requested && normalizeUuid(requested) !== restriction)
      throw forbidden("A mission user may list only its own mission's flags");
    return restriction;
  }
}
