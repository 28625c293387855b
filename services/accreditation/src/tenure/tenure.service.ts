import { Inject, Injectable, Optional } from '@nestjs/common';
import type { MemberCategory, MemberStatus, tenure } from '@ofm/contracts';
import { canSeeMission, Clock, missionRestriction, normalizeUuid, systemClock } from '@ofm/kernel';
import { notFound, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { MissionEntity } from '../mission/mission.entity';
import { missionTenure, tenureOf } from './tenure.rules';
import { servingMembers, type ServingMemberRow } from './tenure.queries';

const byMission = (rows: readonly ServingMemberRow[]): Map<string, ServingMemberRow[]> => {
  const groups = new Map<string, ServingMemberRow[]>();
  for (const row of rows) groups.set(row.missionId, [...(groups.get(row.missionId) ?? []), row]);
  return groups;
};

// Objective 2.1's figure per member and per mission: years in post of the serving members (notified
// and accredited) against the limit of their category, computed at read from the arrival dates.
@Injectable()
export class TenureService {
  constructor(
    private readonly ds: DataSource,
    @Inject(ACCREDITATION_SETTINGS) private readonly settings: AccreditationSettings,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async get(actor: Actor, request: tenure.GetTenureRequest): Promise<tenure.GetTenureResponse> {
    const missionId = normalizeUuid(request.missionId);
    const restriction = missionRestriction(actor);
    if (missionId) {
      // Another mission's figures are answered like a mission that does not exist.
      const exists = await this.ds.manager.existsBy(MissionEntity, { id: missionId });
      if (!exists || !canSeeMission(actor, missionId)) throw notFound('mission', missionId);
    }
    if (restriction === null) return { missions: [], members: [] };
    const scope = missionId || restriction || undefined;

    const today = this.clock.today();
    const rows = await servingMembers(this.ds.manager, scope);
    const figures = rows.map((row) => ({
      row,
      figures: tenureOf(
        { ...row, category: row.category as MemberCategory, status: row.status as MemberStatus },
        this.settings.tenureLimits,
        today,
      ),
    }));
    const missionIds = scope ? [scope] : [...byMission(rows).keys()].sort();
    const missions = missionIds.map((id) => ({
      missionId: id,
      ...missionTenure(figures.filter((f) => f.row.missionId === id).map((f) => f.figures)),
    }));
    const members = figures
      .filter((f) => !request.pastLimitOnly || f.figures.pastLimit)
      .sort((a, b) => b.figures.yearsInPost - a.figures.yearsInPost || a.row.id.localeCompare(b.row.id))
      .map(({ row, figures: f }): tenure.MemberTenure => ({
        memberId: row.id,
        missionId: row.missionId,
        givenName: row.givenName,
        familyName: row.familyName,
        category: row.category,
        status: row.status,
        arrivalDate: row.arrivalDate,
        ...(row.expectedDepartureDate ? { expectedDepartureDate: row.expectedDepartureDate } : {}),
        yearsInPost: f.yearsInPost,
        ...(f.limitYears === undefined ? {} : { limitYears: f.limitYears }),
        pastLimit: f.pastLimit,
      }));
    return { missions, members };
  }
}
