import { Injectable, Optional } from '@nestjs/common';
import type { accreditation } from '@ofm/contracts';
import { canSeeMission, Clock, missionRestriction, normalizeUuid, systemClock } from '@ofm/kernel';
import { notFound, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { pageOf, paginate, parsePage } from '../shared/page.query';
import { yearsInPost } from './years-in-post.rules';
import { MemberEntity } from './member.entity';
import { memberToProto, openItemsOf } from './member.queries';
import { readMember } from './member.reads';

// Reads of members; the writes are the use cases beside this folder (notify-appointment,
// accredit-member, terminate-member) and the audited check verify-member. The requests reach this
// service checked against the rules their proto messages declare (GrpcRequestValidationInterceptor).
@Injectable()
export class MemberService {
  constructor(
    private readonly ds: DataSource,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async get(actor: Actor, id: string): Promise<accreditation.Member> {
    const member = await readMember(this.ds, id);
    if (!member || !canSeeMission(actor, member.missionId)) throw notFound('member', id);
    // Years in post are of the day of the read, never stored (tenure/).
    return { ...memberToProto(member, member.openItems), yearsInPost: yearsInPost(member, this.clock.today()) };
  }

  async list(actor: Actor, request: accreditation.ListMembersRequest): Promise<accreditation.ListMembersResponse> {
    const page = parsePage(request.page);
    const missionId = normalizeUuid(request.missionId);
    // Asking for another mission's members is answered like asking for a mission that does not exist.
    if (missionId && !canSeeMission(actor, missionId)) throw notFound('mission', missionId);
    const restriction = missionRestriction(actor);
    if (restriction === null) return { members: [], nextCursor: '' };

    const qb = this.ds.manager.createQueryBuilder(MemberEntity, 'm');
    const scope = missionId || restriction;
    if (scope) qb.andWhere('m.mission_id = :scope', { scope });
    if (request.status) qb.andWhere('m.status = :status', { status: request.status });
    if (request.category) qb.andWhere('m.category = :category', { category: request.category });
    const { items, nextCursor } = pageOf(await paginate(qb, 'm', page).getMany(), page.limit);
    const openItems = await openItemsOf(
      this.ds.manager,
      items.filter((m) => m.status === 'terminated').map((m) => m.id),
    );
    const today = this.clock.today();
    return {
      members: items.map((m) => ({ ...memberToProto(m, openItems.get(m.id)), yearsInPost: yearsInPost(m, today) })),
      nextCursor,
    };
  }
}
