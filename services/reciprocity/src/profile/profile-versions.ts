import { EVENT_TYPES, type reciprocity } from '@ofm/contracts';
import { commitChange } from '@ofm/messaging';
import { expectVersion } from '@ofm/persistence';
import { notFound, type Actor } from '@ofm/platform';
import type { EntityManager } from 'typeorm';
import { toProfileMessage } from './profile.mapper';
import { contentOf, sameContent } from './profile.rules';
import { ProfileVersionEntity } from './profile-version.entity';

export interface NewVersion {
  country: string;
  body: reciprocity.ReciprocityProfile;
  /** If-Match: the latest version the caller read; 0 = no check. */
  expectedVersion?: number;
  /** The agreement whose entry into force brings the version. */
  agreementId?: string;
  /** An unchanged body records nothing (PUT); an agreement's entry into force always records. */
  skipUnchanged: boolean;
}

export interface RecordedVersion {
  profile: reciprocity.ReciprocityProfile;
  /** False when the body said what the latest version says already: nothing was written. */
  recorded: boolean;
}

/** The versions of one country, newest first. */
export const versionsOf = (em: EntityManager, country: string): Promise<ProfileVersionEntity[]> =>
  em.find(ProfileVersionEntity, { where: { country }, order: { version: 'DESC' } });

/**
 * Records the next version of a country's profile in the caller's transaction, with its audit and
 * its ProfileUpdated event. The country's versions are serialised by a transaction-scoped advisory
 * lock, so two writers never both take version N+1 (the second waits and then sees N+1 as current).
 */
export const recordProfileVersion = async (
  em: EntityManager,
  actor: Actor,
  change: NewVersion,
): Promise<RecordedVersion> => {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('ofm.reciprocity.profile:' || $1))`, [change.country]);
  const latest = await em.findOne(ProfileVersionEntity, {
    where: { country: change.country },
    order: { version: 'DESC' },
  });
  if (!latest) throw notFound('reciprocity profile', change.country);
  expectVersion(latest.version, change.expectedVersion);
  const before = toProfileMessage(latest);
  if (change.skipUnchanged && sameContent(before, change.body)) return { profile: before, recorded: false };

  const content = contentOf(change.body);
  const row = em.create(ProfileVersionEntity, {
    ...content,
    country: change.country,
    version: latest.version + 1,
    agreementId: change.agreementId ?? null,
    recordedBy: actor.subject,
  });
  await em.insert(ProfileVersionEntity, row);
  const profile = toProfileMessage(
    await em.findOneByOrFail(ProfileVersionEntity, { country: change.country, version: row.version }),
  );
  await commitChange(em, {
    actor,
    action: change.agreementId ? 'profile.updated-by-agreement' : 'profile.updated',
    entity: { type: 'reciprocity_profile', id: change.country },
    before,
    after: profile,
    events: [
      {
        type: EVENT_TYPES.profileUpdated,
        subject: change.country,
        data: { profile, previousVersion: latest.version },
      },
    ],
  });
  return { profile, recorded: true };
};
