import { localEnv, registryTsv, renderRegistry } from './registry.command';

describe('ofm registry', () => {
  it('prints one tab-separated line per written service, each after the services it calls', () => {
    expect(registryTsv()).toBe(
      [
        'accreditation\t50051\t9101\tofm_accreditation\tno\t-',
        'reciprocity\t50052\t9102\tofm_reciprocity\tno\t-',
        'vehicles\t50053\t9103\tofm_vehicles\tno\t-',
        'insights\t50058\t9108\tofm_insights\tno\t-',
        'gateway\t-\t8080\tofm_gateway\tyes\taccreditation,reciprocity,vehicles,insights',
        '',
      ].join('\n'),
    );
    expect(renderRegistry('tsv', 'vehicles')).toBe('vehicles\t50053\t9103\tofm_vehicles\tno\t-\n');
  });

  it('gives the local environment of a service: its database, ports and the services it calls', () => {
    expect(localEnv('gateway')).toEqual({
      DATABASE_URL: 'postgres://ofm_gateway:ofm_gateway@127.0.0.1:5432/ofm_gateway',
      HTTP_PORT: '8080',
      RECIPROCITY_GRPC_URL: '127.0.0.1:50052',
      ACCREDITATION_GRPC_URL: '127.0.0.1:50051',
      VEHICLES_GRPC_URL: '127.0.0.1:50053',
      INSIGHTS_GRPC_URL: '127.0.0.1:50058',
    });
    expect(localEnv('accreditation')).toEqual({
      DATABASE_URL: 'postgres://ofm_accreditation:ofm_accreditation@127.0.0.1:5432/ofm_accreditation',
      HTTP_PORT: '9101',
      GRPC_PORT: '50051',
    });
    expect(renderRegistry('env', 'vehicles')).toBe(
      'DATABASE_URL=postgres://ofm_vehicles:ofm_vehicles@127.0.0.1:5432/ofm_vehicles\nHTTP_PORT=9103\nGRPC_PORT=50053\n',
    );
    expect(() => renderRegistry('env')).toThrow(/--service/);
    expect(() => renderRegistry('env', 'nope')).toThrow(/unknown service "nope"/);
  });

  it('prints the whole table, planned services marked', () => {
    const table = renderRegistry('table');
    expect(table).toMatch(/\| vehicles +\| 50053 \| 9103 \| ofm_vehicles +\| .*ofm\.compliance\.flag\.v1/);
    expect(table).toMatch(/\| property \(planned\) +\| 50054 /);
    expect(JSON.parse(renderRegistry('json', 'gateway'))).toMatchObject({ name: 'gateway', grpcPort: null });
  });
});
