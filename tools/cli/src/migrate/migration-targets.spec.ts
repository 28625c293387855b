import { databaseUrlFor, migrationTargets } from './migration-targets';

describe('migrationTargets', () => {
  it('runs every service with its own database by default', () => {
    expect(migrationTargets('/repo', undefined, {})).toEqual([
      {
        service: 'gateway',
        script: '/repo/services/gateway/dist/migrate.js',
        databaseUrl: 'postgres://ofm_gateway:ofm_gateway@127.0.0.1:5432/ofm_gateway',
      },
      {
        service: 'accreditation',
        script: '/repo/services/accreditation/dist/migrate.js',
        databaseUrl: 'postgres://ofm_accreditation:ofm_accreditation@127.0.0.1:5432/ofm_accreditation',
      },
      {
        service: 'reciprocity',
        script: '/repo/services/reciprocity/dist/migrate.js',
        databaseUrl: 'postgres://ofm_reciprocity:ofm_reciprocity@127.0.0.1:5432/ofm_reciprocity',
      },
      {
        service: 'vehicles',
        script: '/repo/services/vehicles/dist/migrate.js',
        databaseUrl: 'postgres://ofm_vehicles:ofm_vehicles@127.0.0.1:5432/ofm_vehicles',
      },
      {
        service: 'insights',
        script: '/repo/services/insights/dist/migrate.js',
        databaseUrl: 'postgres://ofm_insights:ofm_insights@127.0.0.1:5432/ofm_insights',
      },
    ]);
  });

  it('takes OFM_<SVC>_DATABASE_URL and --service', () => {
    const env = { OFM_VEHICLES_DATABASE_URL: 'postgres://u:p@db:5432/v' };
    expect(migrationTargets('/repo', 'vehicles', env)).toEqual([
      {
        service: 'vehicles',
        script: '/repo/services/vehicles/dist/migrate.js',
        databaseUrl: 'postgres://u:p@db:5432/v',
      },
    ]);
    expect(databaseUrlFor('gateway', env)).toBe('postgres://ofm_gateway:ofm_gateway@127.0.0.1:5432/ofm_gateway');
  });

  it('refuses an unknown service', () => {
    expect(() => migrationTargets('/repo', 'property', {})).toThrow(/unknown service "property"/);
  });
});
