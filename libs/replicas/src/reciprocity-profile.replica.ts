import { EVENT_TYPES, reciprocity, TOPICS, type reciprocityEvents } from '@ofm/contracts';
import { onEvent, type CloudEvent, type ConsumerSpec } from '@ofm/messaging';
import { defaultProfile } from '@ofm/reciprocity';
import type { EntityManager } from 'typeorm';

export interface ReciprocityProfileReplicaOptions {
  /** The consumer's own effect of a new version, in the inbox transaction that stores it. */
  onProfileUpdated?: (em: EntityManager, profile: reciprocity.ReciprocityProfile) => Promise<unknown>;
}

// The replica of reciprocity's profiles, fed by profile.updated events. A version is immutable, so a
// redelivered or replayed event inserts nothing new (ON CONFLICT DO NOTHING) and runs no effect.
export const reciprocityProfileReplicaConsumer = (options: ReciprocityProfileReplicaOptions = {}): ConsumerSpec => ({
  topics: [TOPICS.reciprocityProfile],
  handlers: onEvent(
    EVENT_TYPES.profileUpdated,
    async (event: CloudEvent<reciprocityEvents.ProfileUpdated>, em: EntityManager): Promise<void> => {
      const profile = event.data.profile;
      if (!profile?.country || !profile.version) throw new Error(`event ${event.id}: ${event.type} without a profile`);
      const inserted: unknown[] = await em.query(
        `INSERT INTO reciprocity_profile_replica (country, version, effective_from, profile, last_event_time)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING version`,
        [
          profile.country,
          profile.version,
          profile.effectiveFrom,
          reciprocity.ReciprocityProfile.toJSON(profile),
          event.time,
        ],
      );
      if (inserted.length && options.onProfileUpdated) await options.onProfileUpdated(em, profile);
    },
  ),
});

/**
 * The version of `country`'s profile in force on `day` (an ISO day), as this consumer knows it; the
 * documented default (version 1) when no version in force has been replicated, so that a decision
 * never lacks a profile.
 */
export const profileInForce = async (
  em: EntityManager,
  country: string,
  day: string,
): Promise<reciprocity.ReciprocityProfile> => {
  const rows: { profile: unknown }[] = await em.query(
    `SELECT profile FROM reciprocity_profile_replica
      WHERE country = $1 AND effective_from <= $2
      ORDER BY effective_from DESC, version DESC LIMIT 1`,
    [country, day],
  );
  return rows[0] ? reciprocity.ReciprocityProfile.fromJSON(rows[0].profile) : defaultProfile(country);
};
