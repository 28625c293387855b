import { service } from '@ofm/registry';
import { CONSUMED_TOPICS, platformServiceEnv } from './platform';

describe('the test platform, wired from the service registry', () => {
  const ports = new Map([
    ['gateway', { http: 1001 }],
    ['accreditation', { http: 1002, grpc: 2002 }],
    ['reciprocity', { http: 1004, grpc: 2004 }],
    ['vehicles', { http: 1003, grpc: 2003 }],
    ['insights', { http: 1008, grpc: 2008 }],
  ]);
  const ctx = {
    databaseUrl: 'postgres://t@db/x',
    brokers: 'k:9092',
    ports,
    group: 'ofm.x.e2e_1',
    issuer: { jwksPath: '/tmp/jwks.json', issuer: 'https://issuer', audience: 'aud' },
  };

  it('gives the gateway the gRPC address of each service it calls and the test issuer', () => {
    expect(platformServiceEnv(service('gateway'), ctx)).toEqual({
      DATABASE_URL: 'postgres://t@db/x',
      KAFKA_BROKERS: 'k:9092',
      HTTP_PORT: '1001',
      KAFKA_CONSUMER_GROUP: 'ofm.x.e2e_1',
      ACCREDITATION_GRPC_URL: '127.0.0.1:2002',
      RECIPROCITY_GRPC_URL: '127.0.0.1:2004',
      VEHICLES_GRPC_URL: '127.0.0.1:2003',
      INSIGHTS_GRPC_URL: '127.0.0.1:2008',
      AUTH_DEV_MODE: 'true',
      AUTH_DEV_JWKS_PATH: '/tmp/jwks.json',
      AUTH_ISSUER: 'https://issuer',
      AUTH_AUDIENCE: 'aud',
      // One token sends a benchmark's thousands of requests: no per-caller budget unless set.
      RATE_LIMIT_PER_CALLER: '0',
    });
  });

  it('gives a service its own ports and consumer group', () => {
    expect(platformServiceEnv(service('vehicles'), ctx)).toEqual({
      DATABASE_URL: 'postgres://t@db/x',
      KAFKA_BROKERS: 'k:9092',
      HTTP_PORT: '1003',
      GRPC_PORT: '2003',
      KAFKA_CONSUMER_GROUP: 'ofm.x.e2e_1',
    });
  });

  it('starts each group at the end of the topics the registry says it consumes', () => {
    expect(CONSUMED_TOPICS).toEqual({
      gateway: [],
      accreditation: ['ofm.reciprocity.profile.v1', 'ofm.vehicles.vehicle.v1'],
      reciprocity: [],
      vehicles: ['ofm.accreditation.member.v1', 'ofm.accreditation.mission.v1', 'ofm.reciprocity.profile.v1'],
      insights: ['ofm.compliance.flag.v1'],
    });
  });
});
