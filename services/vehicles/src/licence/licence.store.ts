import type { EntityManager } from 'typeorm';
import { LicenceEntity, LicenceSuspensionEntity, LicenceViolationEntity } from './licence.entity';
import type { LicenceRecord } from './licence.mapper';

// Reads of a licence with what its status is derived from.

export const recordOf = async (em: EntityManager, licence: LicenceEntity): Promise<LicenceRecord> => {
  const violations = await em.find(LicenceViolationEntity, {
    where: { licenceId: licence.id },
    order: { date: 'ASC', recordedAt: 'ASC' },
  });
  const suspensions = await em.find(LicenceSuspensionEntity, {
    where: { licenceId: licence.id },
    order: { startsOn: 'ASC' },
  });
  return { licence, violations, suspensions };
};

export const findLicence = (em: EntityManager, id: string, lock = false): Promise<LicenceEntity | null> => {
  const query = em.createQueryBuilder(LicenceEntity, 'l').where('l.id = :id', { id });
  return (lock ? query.setLock('pessimistic_write') : query).getOne();
};

/** The member's licence not ended, locked: at most one (index licence_one_per_member). */
export const currentLicenceOf = (em: EntityManager, memberId: string): Promise<LicenceEntity | null> =>
  em
    .createQueryBuilder(LicenceEntity, 'l')
    .setLock('pessimistic_write')
    .where('l.member_id = :memberId', { memberId })
    .andWhere('l.ended_on IS NULL')
    .getOne();

/** L and nine digits from licence_number_seq: unique without a retry. */
export const nextLicenceNumber = async (em: EntityManager): Promise<string> => {
  const [row] = (await em.query(`SELECT nextval('licence_number_seq')::text AS n`)) as Array<{ n: string }>;
  return `L${row!.n.padStart(9, '0')}`;
};
