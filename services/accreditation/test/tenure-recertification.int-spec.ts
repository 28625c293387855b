import { EVENT_TYPES, TOPICS } from '@ofm/contracts';
import { addDays, addYears, ofmInstant } from '@ofm/kernel';
import type { Actor } from '@ofm/platform';
import { startGroupAtEnd, testKafkaBrokers, uniqueName, waitFor } from '@ofm/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../src/accreditation.settings';
import { TenureSweep } from '../src/tenure/tenure.sweep';
import { rpcError, startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, today } from './fixtures';

// Time in the U.S. and recertification over real gRPC, PostgreSQL and Kafka. The sweep is driven by
// the test with the instant it runs as of (the service's interval is an hour, so it never runs on
// its own here); the flags are read back from the compliance topic by an independent consumer.
jest.setTimeout(180_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const at = (day: string) => ofmInstant(day, '12:00');

describe('tenure and recertification over gRPC', () => {
  let svc: AccreditationUnderTest;
  let consumer: Consumer;
  const flags: KafkaMessage[] = [];

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('tenure-test');
    const kafka = new Kafka({ clientId: 'tenure-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const groupId = uniqueName('tenure-test');
    await startGroupAtEnd(groupId, [TOPICS.complianceFlag]);
    consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.complianceFlag], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void flags.push(message) });
  }, 180_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await svc?.stop();
  }, 120_000);

  const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString();
  // The flags of one code about one subject (a late notification raises late-notification too).
  const flagEvents = (type: string, subjectId: string) =>
    flags
      .filter((m) => header(m, 'ce_type') === type)
      .map((m) => JSON.parse(m.value!.toString()))
      .filter(
        (v) => v.flag.subjectId === subjectId && ['long-tenure', 'recertification-overdue'].includes(v.flag.reasonCode),
      );
  const flagEvent = (type: string, subjectId: string) =>
    waitFor(() => flagEvents(type, subjectId)[0], { timeoutMs: 30_000, what: `${type} for ${subjectId}` });

  const register = async (name: string) =>
    (await svc.client.call('MissionService', 'registerMission', mission({ name }), officer)).mission;
  // An administrative and technical staff member, accredited, who arrived on `arrivalDate`.
  const staff = async (missionId: string, arrivalDate: string) => {
    const notified = (
      await svc.client.call(
        'MemberService',
        'notifyAppointment',
        diplomat(missionId, {
          category: 'administrative-technical',
          title: 'Attaché',
          visaClass: 'A-2',
          passportType: 'official',
          transferPolicyAttested: true,
          arrivalDate,
        }),
        officer,
      )
    ).member;
    return (
      await svc.client.call(
        'MemberService',
        'accreditMember',
        { id: notified.id, decision: 'accredit', expectedVersion: notified.version },
        officer,
      )
    ).member;
  };
  const sweep = (day: string) => svc.app.get(TenureSweep).sweep(at(day));

  it('raises long-tenure once on the 5th anniversary (not the day before), and clears it at termination', async () => {
    const m = await register('Embassy of France (tenure)');
    // Arrived 5 years ago tomorrow: one day short of the limit today.
    const arrival = addDays(addYears(today, -5), 1);
    const member = await staff(m.id, arrival);
    expect(member.status).toBe('accredited');
    // Computed at read: the member as GET /members/{id} answers it.
    const read = (await svc.client.call('MemberService', 'getMember', { id: member.id }, officer)).member;
    expect(read.yearsInPost).toBe(4);

    expect((await sweep(today)).longTenure).toEqual({ raised: 0, cleared: 0 });
    const tomorrow = addDays(today, 1);
    expect((await sweep(tomorrow)).longTenure).toEqual({ raised: 1, cleared: 0 });
    // A second pass raises nothing: the flag id is kept.
    expect((await sweep(tomorrow)).longTenure).toEqual({ raised: 0, cleared: 0 });
    const raised = await flagEvent(EVENT_TYPES.flagRaised.type, member.id);
    expect(raised.flag).toMatchObject({
      reasonCode: 'long-tenure',
      subjectType: 'member',
      memberId: member.id,
      missionId: m.id,
      detail: `5 years in the U.S. since ${arrival}; the limit for administrative-technical is 5 years`,
    });
    const stored = await svc.pg.query('SELECT flag_id FROM member_tenure_flag WHERE member_id = $1', [member.id]);
    expect(stored.rows).toEqual([{ flag_id: raised.flag.id }]);

    await svc.client.call(
      'MemberService',
      'terminateMember',
      { id: member.id, effectiveDate: today, reason: 'end of assignment', expectedVersion: 0 },
      officer,
    );
    expect((await sweep(tomorrow)).longTenure).toEqual({ raised: 0, cleared: 1 });
    const cleared = await flagEvent(EVENT_TYPES.flagCleared.type, member.id);
    expect(cleared).toMatchObject({
      flag: { id: raised.flag.id, reasonCode: 'long-tenure' },
      reason: 'the member is terminated',
    });
    expect((await sweep(tomorrow)).longTenure).toEqual({ raised: 0, cleared: 0 });
    expect(flagEvents(EVENT_TYPES.flagRaised.type, member.id)).toHaveLength(1);
  });

  it('clears long-tenure when the limit changes so that it no longer applies', async () => {
    const m = await register('Embassy of France (limits)');
    const member = await staff(m.id, addYears(today, -6));
    expect((await sweep(today)).longTenure).toEqual({ raised: 1, cleared: 0 });
    const settings = svc.app.get<AccreditationSettings>(ACCREDITATION_SETTINGS);
    const before = settings.tenureLimits;
    try {
      // As after a restart with TENURE_LIMIT_YEARS=administrative-technical=8.
      settings.tenureLimits = { 'administrative-technical': 8 };
      expect((await sweep(today)).longTenure).toEqual({ raised: 0, cleared: 1 });
      const cleared = await flagEvent(EVENT_TYPES.flagCleared.type, member.id);
      expect(cleared.reason).toBe('the limit for administrative-technical no longer applies');
    } finally {
      settings.tenureLimits = before;
    }
  });

  it('answers the figures per member and per mission, a mission user its own only', async () => {
    const m = await register('Embassy of France (figures)');
    const long = await staff(m.id, addYears(today, -6));
    const recent = await staff(m.id, addYears(today, -1));
    const answer = await svc.client.call('TenureService', 'getTenure', { missionId: m.id }, officer);
    expect(answer.missions).toEqual([
      { missionId: m.id, memberCount: 2, meanYearsInPost: 3.5, maxYearsInPost: 6, pastLimitCount: 1 },
    ]);
    expect(answer.members.map((x: any) => [x.memberId, x.yearsInPost, x.limitYears, x.pastLimit])).toEqual([
      [long.id, 6, 5, true],
      [recent.id, 1, 5, false],
    ]);
    const past = await svc.client.call('TenureService', 'getTenure', { missionId: m.id, pastLimitOnly: true }, officer);
    expect(past.members.map((x: any) => x.memberId)).toEqual([long.id]);

    const clerk: Actor = { subject: 'clerk-fr', roles: ['mission-user'], missionId: m.id };
    const own = await svc.client.call('TenureService', 'getTenure', {}, clerk);
    expect(own.missions.map((x: any) => x.missionId)).toEqual([m.id]);
    const other = await register('Embassy of France (other)');
    const refused = await rpcError(svc.client.call('TenureService', 'getTenure', { missionId: other.id }, clerk));
    expect(refused.problem.status).toBe(404);
  });

  it('raises recertification-overdue the day after the due date, and the confirmation clears it', async () => {
    const m = await register('Embassy of France (recertification)');
    expect(m.recertification).toMatchObject({ dueOn: addDays(today, 365) });
    expect(m.recertification.lastConfirmedOn).toBeUndefined();
    const member = await staff(m.id, today);
    const dueOn = m.recertification.dueOn;

    // Every mission of this database registered today is due the same day: count this one's flag.
    const flagOf = async () =>
      (await svc.pg.query('SELECT recertification_flag_id AS id FROM mission WHERE id = $1', [m.id])).rows[0].id;
    await sweep(dueOn);
    expect(await flagOf()).toBeNull();
    expect((await sweep(addDays(dueOn, 1))).recertification.raised).toBeGreaterThanOrEqual(1);
    const flagId = await flagOf();
    expect(flagId).toEqual(expect.any(String));
    expect((await sweep(addDays(dueOn, 2))).recertification.raised).toBe(0);
    const raised = await flagEvent(EVENT_TYPES.flagRaised.type, m.id);
    expect(raised.flag).toMatchObject({
      reasonCode: 'recertification-overdue',
      subjectType: 'mission',
      missionId: m.id,
    });

    const clerk: Actor = { subject: 'clerk-fr-2', roles: ['mission-user'], missionId: m.id };
    const confirmed = (
      await svc.client.call(
        'TenureService',
        'recertifyMission',
        { missionId: m.id, confirmedMemberCount: 1, departedMemberIds: [] },
        clerk,
      )
    ).mission;
    expect(confirmed.recertification).toMatchObject({
      lastConfirmedOn: today,
      lastConfirmedBy: 'clerk-fr-2',
      dueOn: addDays(today, 365),
    });
    expect(confirmed.version).toBe(m.version + 1);
    const got = (await svc.client.call('MissionService', 'getMission', { id: m.id }, officer)).mission;
    expect(got.recertification).toEqual(confirmed.recertification);

    const cleared = await flagEvent(EVENT_TYPES.flagCleared.type, m.id);
    expect(cleared.flag).toMatchObject({ id: flagId, reasonCode: 'recertification-overdue' });
    expect(await flagOf()).toBeNull();
    expect(flagEvents(EVENT_TYPES.flagRaised.type, m.id)).toHaveLength(1);
    const event = await svc.eventFor(EVENT_TYPES.missionRecertified.type, m.id);
    expect(event.value).toMatchObject({
      confirmedMemberCount: 1,
      memberCountOnRecord: 1,
      previousDueOn: dueOn,
      mission: { id: m.id, recertification: { lastConfirmedOn: today } },
    });
    expect(member.status).toBe('accredited');
  });

  it('refuses ids that are not serving members of the mission (422 naming them) and another mission (404)', async () => {
    const m = await register('Embassy of France (refusals)');
    const member = await staff(m.id, today);
    const other = await register('Embassy of France (elsewhere)');
    const foreign = await staff(other.id, today);
    const clerk: Actor = { subject: 'clerk-fr-3', roles: ['mission-user'], missionId: m.id };
    const recertify = (request: object, actor: Actor = clerk) =>
      svc.client.call('TenureService', 'recertifyMission', request, actor);

    const notOurs = await rpcError(
      recertify({ missionId: m.id, confirmedMemberCount: 0, departedMemberIds: [member.id, foreign.id] }),
    );
    expect(notOurs.problem).toMatchObject({
      status: 422,
      detail: `Not serving members of the mission: ${foreign.id}`,
      errors: [{ field: 'departedMemberIds', message: `Not serving members of the mission: ${foreign.id}` }],
    });

    const elsewhere = await rpcError(
      recertify({ missionId: other.id, confirmedMemberCount: 1, departedMemberIds: [] }),
    );
    expect(elsewhere.problem.status).toBe(404);

    // Nothing was recorded by the refusals.
    const got = (await svc.client.call('MissionService', 'getMission', { id: m.id }, officer)).mission;
    expect(got.recertification.lastConfirmedOn).toBeUndefined();

    const left = (await recertify({ missionId: m.id, confirmedMemberCount: 0, departedMemberIds: [member.id] }))
      .mission;
    expect(left.recertification.lastConfirmedOn).toBe(today);
  });
});
