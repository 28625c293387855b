import type { DataSource } from 'typeorm';

// Applies pending migrations, each in its own transaction, and answers the names applied.
export const runMigrations = async (ds: DataSource): Promise<string[]> => {
  if (!ds.isInitialized) await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
};
