import type { licences } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';
import { commitChange, type ChangeToCommit } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import { LicenceEntity, type LicenceSuspensionEntity, type LicenceViolationEntity } from './licence.entity';
import { licenceAuditState, toLicenceMessage, type LicenceRecord } from './licence.mapper';

export interface LicenceChange {
  actor: ChangeToCommit['actor'];
  action: string;
  reason?: string | null;
  now: Date;
  /** OFM's day, on which the points and suspensions of the audit and events are counted. */
  today: IsoDay;
  /** The licence's record as it was (recordOf, read under the command's lock). */
  before: LicenceRecord;
  /** What the change sets on the licence: the day it ended, its points flag (null: cleared). */
  set: { endedOn?: IsoDay; pointsFlagId?: string | null };
  /** The violations and suspensions as they stand after, when the change added some (inserted already). */
  violations?: readonly LicenceViolationEntity[];
  suspensions?: readonly LicenceSuspensionEntity[];
  /** The events that announce the change, given the licence as it now stands. */
  events: (licence: licences.Licence) => ChangeToCommit['events'];
}

/**
 * Every change to a licence ends the same way: the licence saved as its next version, and its audit
 * record (before and after) and events committed with it in the change's transaction.
 */
export const commitLicenceChange = async (em: EntityManager, change: LicenceChange): Promise<licences.Licence> => {
  const { before, set, now, today } = change;
  const version = before.licence.version + 1;
  await em.update(LicenceEntity, { id: before.licence.id }, { ...set, version, updatedAt: now } as never);
  const { pointsFlagId, ...rest } = set;
  const after: LicenceRecord = {
    licence: {
      ...before.licence,
      ...rest,
      ...(pointsFlagId !== undefined ? { pointsFlagId: pointsFlagId ?? undefined } : {}),
      version,
      updatedAt: now,
    },
    violations: change.violations ?? before.violations,
    suspensions: change.suspensions ?? before.suspensions,
  };
  const licence = toLicenceMessage(after, today);
  await commitChange(em, {
    actor: change.actor,
    action: change.action,
    entity: { type: 'licence', id: before.licence.id },
    before: licenceAuditState(before, today),
    after: licenceAuditState(after, today),
    reason: change.reason,
    events: change.events(licence),
  });
  return licence;
};
