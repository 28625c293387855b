import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { api, freePort, startPlatform } from '@ofm/testing';
import { round, table } from './stats';

// GET /api/v1/members/{id} through the gateway (JWT, roles, gRPC to accreditation, mapping) at 50
// connections, beside the same lookup by a bare Fastify + pg server in the same run.
const duration = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const connections = 50;

async function load(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up: JIT, pools, connections
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return {
    rps: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

export async function benchGatewayRead() {
  const platform = await startPlatform('bench');
  try {
    const officer = await platform.issuer.token({ roles: ['ofm-officer'] }, { expiresIn: '1h' });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', {
      token: officer,
      body: {
        name: 'Embassy of Japan',
        country: 'JP',
        type: 'embassy',
        address: { line1: '2520 Massachusetts Avenue NW', city: 'Washington', state: 'DC', postalCode: '20008' },
        location: { lat: 38.9167, lon: -77.0576 },
      },
    });
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: {
        missionId: mission.body.id,
        givenName: 'Haruto',
        familyName: 'Sato',
        dateOfBirth: '1980-01-01',
        nationality: 'JP',
        category: 'diplomatic-agent',
        title: 'Counselor',
        visaClass: 'A-1',
        passportType: 'diplomatic',
        arrivalDate: new Date().toISOString().slice(0, 10),
        usCitizenOrPermanentResident: false,
        weeklyHours: 40,
        transferPolicyAttested: true,
        residesInWashingtonMetro: true,
      },
    });
    if (member.status !== 201) throw new Error(`could not create the member: ${JSON.stringify(member.body)}`);

    const gateway = await load(`${platform.baseUrl}/api/v1/members/${member.body.id}`, {
      authorization: `Bearer ${officer}`,
    });

    const port = await freePort();
    const bare = fork(join(__dirname, 'bare-member-server.js'), [], {
      env: { ...process.env, DATABASE_URL: platform.databases.accreditation.url, PORT: String(port) },
    });
    await new Promise((resolve) => bare.once('message', resolve));
    try {
      const baseline = await load(`http://127.0.0.1:${port}/members/${member.body.id}`);
      return { gateway, baseline };
    } finally {
      bare.kill('SIGTERM');
    }
  } finally {
    await platform.stop();
  }
}

export function reportGatewayRead(r: Awaited<ReturnType<typeof benchGatewayRead>>): string {
  return [
    `GET /api/v1/members/{id}, ${connections} connections, ${duration} s:`,
    table([
      {
        stack: 'gateway → gRPC → accreditation → PostgreSQL',
        'req/s': r.gateway.rps,
        'p50 ms': r.gateway.p50,
        'p99 ms': r.gateway.p99,
      },
      {
        stack: 'bare Fastify + pg (baseline)',
        'req/s': r.baseline.rps,
        'p50 ms': r.baseline.p50,
        'p99 ms': r.baseline.p99,
      },
    ]),
  ].join('\n');
}
