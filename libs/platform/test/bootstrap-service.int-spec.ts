import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { Body, Controller, Get, Injectable, Param, Post, UseGuards, type OnModuleInit } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROTO_FILES, PROTO_LOADER_OPTIONS, protoPath } from '@ofm/contracts';
import { freePort } from '@ofm/testing';
import { Module } from '@nestjs/common';
import {
  actorToMetadata,
  bootstrapService,
  createNestLogger,
  HealthRegistry,
  notFound,
  PlatformModule,
  Roles,
  RpcRolesGuard,
  type Actor,
} from '../src';

@Injectable()
class ToggleCheck implements OnModuleInit {
  healthy = false;
  constructor(private readonly registry: HealthRegistry) {}
  onModuleInit(): void {
    this.registry.register('toggle', async () => {
      if (!this.healthy) throw new Error('toggle is off');
    });
  }
}

@Controller()
@UseGuards(RpcRolesGuard)
class MemberGrpcController {
  @GrpcMethod('MemberService', 'GetMember')
  @Roles('ofm-officer', 'ofm-admin')
  getMember({ id }: { id: string }): { member: { id: string; givenName: string } } {
    if (id === MISSING) throw notFound('Member', id);
    if (id === CRASH) throw new Error('relation "member" does not exist (secret internals)');
    return { member: { id, givenName: 'Ana' } };
  }
}

@Controller('things')
class ThingHttpController {
  @Get('boom')
  boom(): never {
    throw new Error('password=hunter2 leaked?');
  }

  @Get(':id')
  get(@Param('id') id: string): never {
    throw notFound('Thing', id);
  }

  @Post()
  create(@Body() body: object): object {
    return body;
  }
}

@Module({
  imports: [PlatformModule.forRoot({ serviceName: 'smoke' })],
  controllers: [MemberGrpcController, ThingHttpController],
  providers: [ToggleCheck],
})
class SmokeModule {}

type Client = grpc.Client &
  Record<string, (req: object, md: grpc.Metadata, cb: (err: grpc.ServiceError | null, res: any) => void) => void>;

const loadClients = (port: number): { health: Client; members: Client } => {
  const definition = protoLoader.loadSync(
    [protoPath(PROTO_FILES.health), protoPath(PROTO_FILES.member)],
    PROTO_LOADER_OPTIONS,
  );
  const loaded = grpc.loadPackageDefinition(definition) as any;
  const address = `127.0.0.1:${port}`;
  const credentials = grpc.credentials.createInsecure();
  return {
    health: new loaded.grpc.health.v1.Health(address, credentials),
    members: new loaded.ofm.accreditation.v1.MemberService(address, credentials),
  };
};

const call = (client: Client, method: string, request: object, metadata = new grpc.Metadata()) =>
  new Promise<{ error: grpc.ServiceError | null; response: any }>((resolve) =>
    client[method]!(request, metadata, (error, response) => resolve({ error, response })),
  );

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };

// Ids are UUIDs: every request is checked against its proto's rules before a handler runs.
const M1 = '0b7e7c6a-1f1e-4c3d-9a51-000000000001';
const MISSING = '0b7e7c6a-1f1e-4c3d-9a51-000000000002';
const CRASH = '0b7e7c6a-1f1e-4c3d-9a51-000000000003';

describe('bootstrapService', () => {
  let app: NestFastifyApplication;
  let http: string;
  let clients: { health: Client; members: Client };

  beforeAll(async () => {
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    app = await bootstrapService({
      name: 'smoke',
      module: SmokeModule,
      httpPort,
      grpcPort,
      grpc: { packages: ['ofm.accreditation.v1'], protoFiles: [PROTO_FILES.member] },
      config: { DATABASE_URL: 'postgres://u:secret@db/x' },
      exitOnError: false,
      // Errors the tests provoke on purpose are logged; keep the rest of the output quiet.
      logger: createNestLogger('smoke', { level: 'error' }),
    });
    http = `http://127.0.0.1:${httpPort}`;
    clients = loadClients(grpcPort);
  });

  afterAll(async () => {
    clients?.health.close();
    clients?.members.close();
    await app?.close();
  });

  it('answers /health/live with 200', async () => {
    const response = await fetch(`${http}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('answers not ready (503, naming the failed check) while a check fails, and ready once it passes', async () => {
    const toggle = app.get(ToggleCheck);
    toggle.healthy = false;
    const down = await fetch(`${http}/health/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'error',
      error: { toggle: { status: 'down', message: 'toggle is off' } },
    });
    expect((await call(clients.health, 'check', { service: '' })).response).toEqual({ status: 'NOT_SERVING' });

    toggle.healthy = true;
    const up = await fetch(`${http}/health/ready`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', info: { toggle: { status: 'up' } } });
    expect((await call(clients.health, 'check', { service: '' })).response).toEqual({ status: 'SERVING' });
  });

  it('serves the gRPC handlers of the service with the caller checked', async () => {
    const { error, response } = await call(clients.members, 'getMember', { id: M1 }, actorToMetadata(officer));
    expect(error).toBeNull();
    expect(response.member).toMatchObject({ id: M1, givenName: 'Ana' });
  });

  it('answers gRPC errors with the problem JSON as status details', async () => {
    const missing = await call(clients.members, 'getMember', { id: MISSING }, actorToMetadata(officer));
    expect(missing.error?.code).toBe(grpc.status.NOT_FOUND);
    expect(JSON.parse(missing.error!.details)).toEqual({
      type: 'https://ofm.state.gov/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `Member ${MISSING} was not found`,
    });

    const anonymous = await call(clients.members, 'getMember', { id: M1 });
    expect(anonymous.error?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(JSON.parse(anonymous.error!.details)).toMatchObject({ status: 401 });

    const police = await call(
      clients.members,
      'getMember',
      { id: M1 },
      actorToMetadata({ subject: 'p', roles: ['law-enforcement'] }),
    );
    expect(police.error?.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(JSON.parse(police.error!.details)).toMatchObject({ status: 403 });

    const crash = await call(clients.members, 'getMember', { id: CRASH }, actorToMetadata(officer));
    expect(crash.error?.code).toBe(grpc.status.INTERNAL);
    expect(crash.error!.details).not.toContain('secret');
    expect(JSON.parse(crash.error!.details)).toMatchObject({ status: 500, detail: 'An unexpected error occurred' });
  });

  it('answers HTTP errors as application/problem+json', async () => {
    const missing = await fetch(`${http}/things/t-1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await missing.json()).toEqual({
      type: 'https://ofm.state.gov/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'Thing t-1 was not found',
    });

    const badJson = await fetch(`${http}/things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get('content-type')).toContain('application/problem+json');

    const boom = await fetch(`${http}/things/boom`);
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ status: 500, detail: 'An unexpected error occurred' });

    const unknownRoute = await fetch(`${http}/nowhere`);
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.headers.get('content-type')).toContain('application/problem+json');
  });

  it('exposes Prometheus metrics: process defaults, gRPC and HTTP request counters', async () => {
    const response = await fetch(`${http}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toMatch(
      /ofm_grpc_server_requests_total\{method="\/ofm\.accreditation\.v1\.MemberService\/GetMember",code="NOT_FOUND"\} 1/,
    );
    expect(text).toMatch(
      /ofm_grpc_server_requests_total\{method="\/ofm\.accreditation\.v1\.MemberService\/GetMember",code="INTERNAL"\} 1/,
    );
    expect(text).toMatch(/ofm_http_server_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/);
    expect(text).toContain('ofm_http_server_duration_seconds_bucket');
  });

  it('answers not ready once the app begins shutting down', async () => {
    app.get(HealthRegistry).beforeApplicationShutdown();
    expect((await fetch(`${http}/health/ready`)).status).toBe(503);
    expect((await call(clients.health, 'check', { service: '' })).response).toEqual({ status: 'NOT_SERVING' });
  });
});
