import type { EntityManager } from 'typeorm';

// TypeORM's postgres driver answers UPDATE/DELETE with [rows, rowCount] and everything else with rows.
export const updateReturning = async <T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> => {
  const [rows] = (await em.query(sql, params)) as [T[], number];
  return rows;
};

export const selectRows = async <T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> =>
  (await em.query(sql, params)) as T[];

// SQLSTATE 23505 on a named unique index, so a race lost to a concurrent insert becomes a 409.
export const isUniqueViolation = (error: unknown, constraint: string): boolean => {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && name === constraint;
};
