import type { DataSource } from 'typeorm';

// For HealthRegistry: ready only while the database answers.
export const databaseCheck =
  (ds: DataSource): (() => Promise<void>) =>
  async () => {
    if (!ds.isInitialized) throw new Error('database connection is not initialized');
    await ds.query('SELECT 1');
  };
