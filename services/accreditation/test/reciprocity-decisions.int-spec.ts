import { status } from '@grpc/grpc-js';
import { EVENT_TYPES } from '@ofm/contracts';
import { addDays } from '@ofm/kernel';
import type { Actor } from '@ofm/platform';
import { defaultProfile, type ReciprocityProfile } from '@ofm/reciprocity';
import { waitFor } from '@ofm/testing';
import type { Client } from 'pg';
import { rpcError, startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, today } from './fixtures';
import type { AccreditationClient } from './grpc-client';

// The accreditation decisions that depend on the sending country's reciprocity profile, over real
// gRPC, PostgreSQL and Kafka: the profile reaches the service as reciprocity publishes it
// (profile.updated on ofm.reciprocity.profile.v1), through the service's own replica consumer.
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const police: Actor = { subject: 'trooper-1', roles: ['law-enforcement'] };

describe('reciprocity in accreditation decisions', () => {
  let svc: AccreditationUnderTest;
  let client: AccreditationClient;
  let pg: Client;

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('reciprocity-decisions-test');
    ({ client, pg } = svc);
  }, 120_000);

  afterAll(() => svc?.stop(), 120_000);

  const register = async (over: object) =>
    (await client.call('MissionService', 'registerMission', mission(over), officer)).mission;
  const notify = async (request: object) =>
    (await client.call('MemberService', 'notifyAppointment', request, officer)).member;
  const accredit = (id: string) =>
    client.call('MemberService', 'accreditMember', { id, decision: 'accredit', expectedVersion: 0 }, officer);
  const getMember = async (id: string) => (await client.call('MemberService', 'getMember', { id }, officer)).member;
  const version = (country: string, v: number, over: Partial<ReciprocityProfile>): ReciprocityProfile => ({
    ...defaultProfile(country),
    version: v,
    effectiveFrom: today,
    source: `test note ${country} ${v}`,
    recordedBy: 'admin-1',
    recordedAt: new Date().toISOString(),
    ...over,
  });

  it('refuses a same-sex spouse under the default profile and accredits the next one once the profile grants it, naming each version', async () => {
    const m = await register({ name: 'Royal Norwegian Embassy', country: 'NO' });
    const principal = await notify(diplomat(m.id, { nationality: 'NO', givenName: 'Ingrid', familyName: 'Berg' }));
    await accredit(principal.id);
    const spouse = (n: string) =>
      notify(
        diplomat(m.id, {
          nationality: 'NO',
          category: 'dependent',
          title: undefined,
          visaClass: 'A-1',
          weeklyHours: undefined,
          givenName: n,
          familyName: 'Berg',
          principalId: principal.id,
          relationship: 'spouse',
          sameSexSpouse: true,
        }),
      );

    const first = await spouse('Astrid');
    const refusal = await rpcError(accredit(first.id));
    expect(refusal.code).toBe(status.FAILED_PRECONDITION);
    expect(refusal.problem?.errors).toEqual([
      {
        field: 'same-sex-spouse-reciprocity',
        message: 'NO does not accredit the same-sex spouses of U.S. staff (profile NO v1)',
      },
    ]);
    expect(await getMember(first.id)).toMatchObject({
      status: 'refused',
      sameSexSpouse: true,
      reciprocityProfileVersion: 1,
    });

    // A future-dated version does not decide today.
    await svc.publishProfile(
      version('NO', 2, { sameSexSpouseAccreditation: 'granted', effectiveFrom: addDays(today, 30) }),
    );
    expect((await rpcError(accredit(first.id))).problem?.errors?.[0]?.message).toContain('(profile NO v1)');

    await svc.publishProfile(version('NO', 3, { sameSexSpouseAccreditation: 'granted' }));
    const next = await spouse('Sigrid');
    const { member } = await accredit(next.id);
    expect(member).toMatchObject({ status: 'accredited', immunityLevel: 'full', reciprocityProfileVersion: 3 });
    const { rows } = await pg.query(
      `SELECT after->>'reciprocityProfileVersion' AS v FROM audit_record WHERE entity_id = $1 AND action = 'member.accredited'`,
      [next.id],
    );
    expect(rows).toEqual([{ v: '3' }]);
  });

  it('gives a consular officer of a country with a bilateral agreement full immunity, and the trooper the guidance of a diplomat', async () => {
    const post = await register({
      name: 'Consulate General of Iceland',
      country: 'IS',
      type: 'consular-post',
      consularClass: 'consulate-general',
    });
    const consul = (n: string) =>
      notify(
        diplomat(post.id, { nationality: 'IS', category: 'consular-officer', title: 'Consul General', givenName: n }),
      );

    const before = (await accredit((await consul('Jon')).id)).member;
    expect(before).toMatchObject({ immunityLevel: 'official-acts', reciprocityProfileVersion: 1 });

    await svc.publishProfile(version('IS', 2, { consularBilateralAgreement: true }));
    const after = (await accredit((await consul('Gudrun')).id)).member;
    expect(after).toMatchObject({ immunityLevel: 'full', idCard: { color: 'red' }, reciprocityProfileVersion: 2 });

    // The consul accredited before the agreement is re-decided when the version arrives.
    expect(await getMember(before.id)).toMatchObject({ immunityLevel: 'full', reciprocityProfileVersion: 2 });
    await svc.eventFor(EVENT_TYPES.memberChanged.type, before.id);
    // Law enforcement hears of it: the consul's card now verifies with full immunity.
    const notice = await waitFor(() =>
      svc.received.find((r) => r.key === before.idCard.number && r.value.change === 'level-changed'),
    );
    expect(notice.value.verification).toMatchObject({ immunityLevel: 'full', status: 'valid' });

    const { verification } = await client.call(
      'MemberService',
      'verifyIdCard',
      { idCardNumber: after.idCard.number },
      police,
    );
    expect(verification).toMatchObject({
      status: 'valid',
      category: 'consular-officer',
      immunityLevel: 'full',
      guidance: { arrest: 'May not be arrested or detained' },
    });

    // The agreement lapses: both consuls are back to VCCR immunity.
    await svc.publishProfile(version('IS', 3, { consularBilateralAgreement: false }));
    await waitFor(async () => (await getMember(after.id)).immunityLevel === 'official-acts', {
      what: 'the consul re-decided',
    });
    expect(await getMember(after.id)).toMatchObject({ reciprocityProfileVersion: 3 });
    const audit = await pg.query(
      `SELECT actor_subject, reason FROM audit_record WHERE entity_id = $1 AND action = 'member.immunity-redecided' ORDER BY occurred_at`,
      [after.id],
    );
    expect(audit.rows).toEqual([
      { actor_subject: 'system:accreditation', reason: expect.stringContaining('(profile IS v3)') },
    ]);
  });

  it('keeps each profile version once, however often the event is delivered', async () => {
    const v = version('LI', 2, { propertyPurchase: 'lease-only' });
    await svc.publishProfile(v);
    await svc.publishProfile(v);
    const { rows } = await pg.query(`SELECT version FROM reciprocity_profile_replica WHERE country = 'LI'`);
    expect(rows).toEqual([{ version: 2 }]);
  });
});
