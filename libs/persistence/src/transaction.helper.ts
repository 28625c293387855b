import type { DataSource, EntityManager } from 'typeorm';

// One unit of work: the entity change, its audit record and its outbox event commit together or not at all.
// READ COMMITTED is PostgreSQL's default isolation, so it is not named here: TypeORM sends a named
// level as a SET TRANSACTION of its own after START TRANSACTION, one round trip more in every
// transaction of the platform (docs/operations/write-path.md). A test checks the level in effect.
export const inTransaction = <T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> =>
  ds.transaction(fn);
