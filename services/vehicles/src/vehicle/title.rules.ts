import type { TitleRole } from '@ofm/contracts';
import type { RuleViolation } from './registration.rules';

// The electronic title ledger (docs/domain/vehicles.md): one owner at a time, any number of
// lienholders and lessors; nothing is recorded on a vehicle that has left the program.

interface LedgerEntry {
  role: TitleRole;
  holder: string;
  releasedOn?: string;
}

/** Why `role` may not be recorded for a vehicle in `registrationStatus`; undefined when it may. */
export const checkTitleEntry = (
  registrationStatus: string,
  ledger: readonly LedgerEntry[],
  role: TitleRole,
): RuleViolation | undefined => {
  if (registrationStatus === 'disposed') {
    return { rule: 'vehicle-disposed', detail: 'the vehicle is disposed: its title was released' };
  }
  const owner = ledger.find((e) => e.role === 'owner' && !e.releasedOn);
  if (role === 'owner' && owner) {
    return { rule: 'title-owner-recorded', detail: `the title already names its owner (${owner.holder})` };
  }
  return undefined;
};
