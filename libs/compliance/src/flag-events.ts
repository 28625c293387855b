import { EVENT_TYPES, type compliance } from '@ofm/contracts';

// The outbox entries services pass to commitChange, so the flag event commits with the change that
// caused it. Keyed by the flag id: a flag's raise and clear keep their order on the topic.
export const flagRaised = (flag: compliance.Flag) => ({
  type: EVENT_TYPES.flagRaised,
  subject: flag.id,
  data: { flag } satisfies compliance.FlagRaised,
});

export const flagCleared = (flag: compliance.Flag, reason: string) => ({
  type: EVENT_TYPES.flagCleared,
  subject: flag.id,
  data: { flag, reason } satisfies compliance.FlagCleared,
});
