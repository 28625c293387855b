import { Injectable } from '@nestjs/common';
import type { reciprocity } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { inForce, measuresAsOf } from '@ofm/reciprocity';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { toProfileMessage } from './profile.mapper';
import { PROFILE_COUNTRY_RULE, profileBodyErrors } from './profile.rules';
import { ProfileVersionEntity } from './profile-version.entity';
import { recordProfileVersion, versionsOf } from './profile-versions';

// Country profiles: the version in force on a day, every version, the measures, and a new version.
// Requests reach these methods checked against their declared rules (reciprocity.proto); what is
// decided here is what the proto cannot say (the body's country is the path's, member categories).
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The version in force on `asOf` (today in New York when empty). */
  async get(country: string, asOf: string): Promise<reciprocity.ReciprocityProfile> {
    const day = asOf || this.clock.today();
    const found = inForce(await versionsOf(this.dataSource.manager, country), day);
    if (!found) throw notFound('reciprocity profile', `${country} on ${day}`);
    return toProfileMessage(found);
  }

  async history(country: string): Promise<reciprocity.ReciprocityProfile[]> {
    const versions = await versionsOf(this.dataSource.manager, country);
    if (versions.length === 0) throw notFound('reciprocity profile', country);
    return versions.map(toProfileMessage);
  }

  /** Counts over every country's version in force on the day; the versions make a past day exact. */
  async measures(asOf: string): Promise<reciprocity.Measures> {
    const day = asOf || this.clock.today();
    const rows = await this.dataSource.manager.find(ProfileVersionEntity, {
      where: { effectiveFrom: LessThanOrEqual(day) },
    });
    const byCountry = new Map<string, ProfileVersionEntity[]>();
    for (const row of rows) byCountry.set(row.country, [...(byCountry.get(row.country) ?? []), row]);
    const profiles = [...byCountry.values()].map((versions) => toProfileMessage(inForce(versions, day)!));
    return measuresAsOf(profiles, day);
  }

  /** A new version, unless the body changes nothing (then the latest version, and no event). */
  async update(actor: Actor, request: reciprocity.UpdateProfileRequest): Promise<reciprocity.ReciprocityProfile> {
    const body = request.profile!;
    // The REST body of a PUT is the profile itself, so its fields are named without a prefix.
    const errors = profileBodyErrors(request.country, body, '');
    if (errors.length) throw ruleViolated(PROFILE_COUNTRY_RULE, errors[0]!.message, errors);
    return inCommand(this.dataSource, async (em) => {
      const { profile } = await recordProfileVersion(em, actor, {
        country: request.country,
        body,
        expectedVersion: request.expectedVersion,
        skipUnchanged: true,
      });
      return profile;
    });
  }
}
