import type { DataSource, EntityManager } from 'typeorm';

// One unit of work: the entity change, its audit record and its outbox event commit together or not at all.
export const inTransaction = <T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> =>
  ds.transaction('READ COMMITTED', fn);
