import { status } from '@grpc/grpc-js';
import { EVENT_TYPES } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import { addDays, addYears } from '@ofm/kernel';
import { waitFor } from '@ofm/testing';
import type { Client } from 'pg';
import { rpcError, startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, today } from './fixtures';
import type { AccreditationClient } from './grpc-client';

// The rest of a member's life over real gRPC, PostgreSQL and Kafka (docs/domain/member-lifecycle.md):
// change notification, promotion, a dependent leaving the household, ID card renewal and loss, and
// the visa's expiry capping the card. Each command: its state, its event on the member topic, its
// audit record, If-Match (ABORTED on a stale version) and another mission's user (NOT_FOUND).
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };

describe("a member's life after accreditation, over gRPC", () => {
  let svc: AccreditationUnderTest;
  let client: AccreditationClient;
  let pg: Client;
  let missionId: string;
  let stranger: Actor;

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('member-lifecycle-test');
    ({ client, pg } = svc);
    missionId = (await client.call('MissionService', 'registerMission', mission(), officer)).mission.id;
    const theirs = (
      await client.call(
        'MissionService',
        'registerMission',
        mission({ country: 'DE', name: 'Embassy of Germany' }),
        officer,
      )
    ).mission;
    stranger = { subject: 'mission-user-de', roles: ['mission-user'], missionId: theirs.id };
  }, 120_000);

  afterAll(() => svc?.stop(), 120_000);

  const call = async (method: string, request: object, actor: Actor = officer) =>
    (await client.call('MemberService', method as never, request, actor)).member;
  const notify = (request: object) => call('notifyAppointment', request);
  const accredit = (id: string) => call('accreditMember', { id, decision: 'accredit', expectedVersion: 0 });
  const accredited = async (over: Record<string, unknown> = {}) =>
    accredit((await notify(diplomat(missionId, over))).id);
  const attache = (over: Record<string, unknown> = {}) =>
    accredited({
      category: 'administrative-technical',
      title: 'Attaché',
      visaClass: 'A-2',
      passportType: 'official',
      transferPolicyAttested: true,
      ...over,
    });
  const audit = async (entityId: string) =>
    (await pg.query('SELECT action, reason FROM audit_record WHERE entity_id = $1 ORDER BY occurred_at', [entityId]))
      .rows;

  /** Every command refuses a stale If-Match and hides another mission's member. */
  const guards = async (method: string, request: Record<string, unknown>, version: number) => {
    const stale = await rpcError(call(method, { ...request, expectedVersion: version + 1 }));
    expect(stale.code).toBe(status.ABORTED);
    expect(stale.problem).toMatchObject({ status: 409 });
    const hidden = await rpcError(call(method, { ...request, expectedVersion: 0 }, stranger));
    expect(hidden.code).toBe(status.NOT_FOUND);
  };

  describe('change notification', () => {
    it('changes a title, adds a residence, publishes member.changed naming the fields, and audits it', async () => {
      const m = await accredited();
      const address = { line1: '2221 Kalorama Rd NW', city: 'Washington', state: 'DC', postalCode: '20008' };
      await guards('changeMember', { id: m.id, title: 'Counselor' }, m.version);
      const changed = await call('changeMember', {
        id: m.id,
        expectedVersion: m.version,
        title: 'Counselor',
        residenceAddress: address,
      });
      expect(changed).toMatchObject({
        title: 'Counselor',
        residenceAddress: address,
        version: m.version + 1,
        idCard: m.idCard,
      });

      const event = await svc.eventFor('gov.ofm.accreditation.member.changed.v1', m.id);
      expect(event.value).toMatchObject({
        member: { title: 'Counselor' },
        changedFields: ['title', 'residenceAddress'],
      });
      expect(await audit(m.id)).toContainEqual({ action: 'member.changed', reason: 'title, residenceAddress' });
    });

    it('refuses a title that is not diplomatic for a diplomatic agent, naming it, and changes nothing', async () => {
      const m = await accredited();
      const refused = await rpcError(call('changeMember', { id: m.id, expectedVersion: 0, title: 'Chauffeur' }));
      expect(refused.problem).toMatchObject({ status: 422, rule: 'member-change' });
      expect(refused.problem.errors.map((e: { field: string }) => e.field)).toEqual(['title']);
      expect(await call('getMember', { id: m.id })).toMatchObject({ title: 'First Secretary', version: m.version });
    });

    it('re-decides a category change: immunity level and card colour follow, and the dependents too', async () => {
      const m = await attache();
      const spouse = await accredit(
        (
          await notify(
            diplomat(missionId, {
              category: 'dependent',
              principalId: m.id,
              relationship: 'spouse',
              title: undefined,
              visaClass: 'A-2',
              passportType: 'official',
            }),
          )
        ).id,
      );
      expect(spouse.immunityLevel).toBe('full-criminal');

      const staff = await call('changeMember', { id: m.id, expectedVersion: 0, category: 'service-staff' });
      expect(staff).toMatchObject({
        category: 'service-staff',
        immunityLevel: 'official-acts',
        idCard: { color: 'green', number: m.idCard.number },
      });
      const event = await svc.eventFor('gov.ofm.accreditation.member.changed.v1', m.id);
      expect(event.value.changedFields).toEqual(['category', 'immunityLevel']);
      // Service staff's family shares nothing: the spouse's level and card follow.
      const after = await call('getMember', { id: spouse.id });
      expect(after).toMatchObject({ immunityLevel: 'none', version: spouse.version + 1 });
      // Absent on the wire (the grpc-js loader gives an absent message as null).
      expect(after.idCard).toBeNull();
    });

    it('refuses a category change the criteria refuse, naming each criterion, and sends a diplomatic rank to promotion', async () => {
      const m = await attache();
      const noAttestation = await attache({ transferPolicyAttested: true });
      await pg.query('UPDATE member SET transfer_policy_attested = false WHERE id = $1', [noAttestation.id]);
      const criteria = await rpcError(
        call('changeMember', { id: noAttestation.id, expectedVersion: 0, category: 'service-staff' }),
      );
      expect(criteria.problem).toMatchObject({ status: 422, rule: 'accreditation-criteria' });
      expect(criteria.problem.errors).toEqual([expect.objectContaining({ field: 'transfer-policy-attested' })]);
      expect(await call('getMember', { id: noAttestation.id })).toMatchObject({ category: 'administrative-technical' });

      const rank = await rpcError(call('changeMember', { id: m.id, expectedVersion: 0, category: 'diplomatic-agent' }));
      expect(rank.problem.errors[0].message).toContain('promotion');
    });
  });

  describe('promotion', () => {
    it('terminates the A&T appointment without an immunity gap and notifies the diplomat: same pid, dependents moved', async () => {
      const m = await attache();
      const child = await notify(
        diplomat(missionId, {
          category: 'dependent',
          principalId: m.id,
          relationship: 'child',
          dateOfBirth: '2015-01-01',
          title: undefined,
          visaClass: 'A-2',
          passportType: 'official',
        }),
      );
      const startsOn = addDays(today, 7);
      const request = {
        id: m.id,
        category: 'diplomatic-agent',
        title: 'Third Secretary',
        startsOn,
        visaClass: 'A-1',
        passportType: 'diplomatic',
      };
      await guards('promoteMember', request, m.version);

      const promoted = await call('promoteMember', { ...request, expectedVersion: m.version });
      expect(promoted).toMatchObject({
        status: 'notified',
        pid: m.pid,
        previousAppointmentId: m.id,
        category: 'diplomatic-agent',
        title: 'Third Secretary',
        version: 1,
      });
      expect(promoted.id).not.toBe(m.id);
      const previous = await call('getMember', { id: m.id });
      expect(previous).toMatchObject({
        status: 'terminated',
        terminationReason: 'promotion',
        terminationEffectiveDate: startsOn,
        immunityEndsOn: startsOn,
      });
      expect(previous.openItems).toEqual([
        { document: 'id-card', reference: m.idCard.number, dueOn: startsOn, status: 'open' },
      ]);
      expect(await call('getMember', { id: child.id })).toMatchObject({ principalId: promoted.id });

      const event = await svc.eventFor('gov.ofm.accreditation.member.promoted.v1', promoted.id);
      expect(event.value).toMatchObject({
        member: { id: promoted.id, pid: m.pid },
        previousMember: { id: m.id, status: 'terminated' },
      });
      expect((await svc.eventFor('gov.ofm.accreditation.member.changed.v1', child.id)).value.changedFields).toEqual([
        'principalId',
      ]);
      // No memberTerminated: a promotion sets off nothing a termination does (vehicle disposal).
      expect(
        svc.received.some(
          (r) => r.headers.ce_type === 'gov.ofm.accreditation.member.terminated.v1' && r.headers.ce_subject === m.id,
        ),
      ).toBe(false);
      expect(await audit(promoted.id)).toEqual([expect.objectContaining({ action: 'member.promoted' })]);
      // The new appointment is accredited as any other.
      expect(await accredit(promoted.id)).toMatchObject({
        status: 'accredited',
        immunityLevel: 'full',
        idCard: { color: 'blue' },
      });
    });

    it('refuses a change that keeps the appointment', async () => {
      const m = await attache();
      const refused = await rpcError(
        call('promoteMember', { id: m.id, expectedVersion: 0, category: 'service-staff', startsOn: today }),
      );
      expect(refused.problem).toMatchObject({ status: 422, rule: 'promotion' });
    });
  });

  it('a dependent leaving the household: the termination (reason left-household) ends its immunity 30 days on', async () => {
    const m = await accredited();
    const spouse = await accredit(
      (
        await notify(
          diplomat(missionId, { category: 'dependent', principalId: m.id, relationship: 'spouse', title: undefined }),
        )
      ).id,
    );
    const left = await call('terminateMember', {
      id: spouse.id,
      expectedVersion: 0,
      effectiveDate: today,
      reason: 'left-household',
    });
    expect(left).toMatchObject({
      status: 'terminated',
      terminationReason: 'left-household',
      immunityEndsOn: addDays(today, 30),
    });
    expect(await call('getMember', { id: m.id })).toMatchObject({ status: 'accredited' });
  });

  describe('ID card', () => {
    it('renews the card: same number, new expiry capped by the renewed visa; id-card.renewed', async () => {
      const visa = addYears(today, 1);
      const m = await accredited({ visaExpiresOn: visa });
      expect(m.idCard.expiresOn).toBe(visa);
      await guards('renewIdCard', { id: m.id, visaExpiresOn: addYears(today, 2) }, m.version);
      const renewed = await call('renewIdCard', {
        id: m.id,
        expectedVersion: m.version,
        visaExpiresOn: addYears(today, 2),
      });
      expect(renewed).toMatchObject({
        visaExpiresOn: addYears(today, 2),
        idCard: { number: m.idCard.number, expiresOn: addYears(today, 2) },
      });
      const event = await svc.eventFor('gov.ofm.accreditation.id-card.renewed.v1', m.id);
      expect(event.value).toMatchObject({
        previousExpiresOn: visa,
        member: { idCard: { expiresOn: addYears(today, 2) } },
      });
      expect(await audit(m.id)).toContainEqual(expect.objectContaining({ action: 'id-card.renewed' }));

      const again = await rpcError(call('renewIdCard', { id: m.id, expectedVersion: 0 }));
      expect(again.problem).toMatchObject({ status: 422, rule: 'id-card-renewal' });
      expect(again.problem.errors[0].field).toBe('visaExpiresOn');
    });

    it('reports a card stolen: the old number verifies reported-stolen, the replacement valid', async () => {
      const m = await accredited();
      const request = { id: m.id, kind: 'stolen', reportedOn: today };
      await guards('reportIdCardLoss', request, m.version);
      const replaced = await call('reportIdCardLoss', { ...request, expectedVersion: m.version });
      expect(replaced.idCard).toMatchObject({ color: 'blue', expiresOn: m.idCard.expiresOn });
      expect(replaced.idCard.number).toMatch(/^D\d{9}$/);
      expect(replaced.idCard.number).not.toBe(m.idCard.number);

      const verify = async (idCardNumber: string) =>
        (
          await client.call(
            'MemberService',
            'verifyIdCard',
            { idCardNumber },
            { subject: 'police-1', roles: ['law-enforcement'] },
          )
        ).verification;
      expect(await verify(m.idCard.number)).toMatchObject({ status: 'reported-stolen', name: 'Claire Martin' });
      expect(await verify(replaced.idCard.number)).toMatchObject({ status: 'valid', immunityLevel: 'full' });
      const event = await svc.eventFor('gov.ofm.accreditation.id-card.reported-lost.v1', m.id);
      expect(event.value).toMatchObject({ reportedNumber: m.idCard.number, kind: 'stolen' });
      // Law enforcement hears of the old number (its partner topic), with what a check of it answers.
      const notice = await waitFor(() =>
        svc.received.find(
          (r) =>
            r.headers.ce_type === EVENT_TYPES.immunityStatusChanged.type &&
            r.key === m.idCard.number &&
            r.value.change === 'card-reported-stolen',
        ),
      );
      expect(notice.value).toMatchObject({
        change: 'card-reported-stolen',
        idCardNumber: m.idCard.number,
        verification: { status: 'reported-stolen', name: 'Claire Martin' },
      });
      expect(await audit(m.id)).toContainEqual(expect.objectContaining({ action: 'id-card.reported-lost' }));
      const stored = await pg.query('SELECT member_id, kind FROM id_card_report WHERE number = $1', [m.idCard.number]);
      expect(stored.rows).toEqual([{ member_id: m.id, kind: 'stolen' }]);
    });

    it('refuses a loss report for a member who holds no card', async () => {
      const notified = await notify(diplomat(missionId));
      const refused = await rpcError(
        call('reportIdCardLoss', { id: notified.id, expectedVersion: 0, kind: 'lost', reportedOn: today }),
      );
      expect(refused.problem).toMatchObject({ status: 422, rule: 'id-card-loss' });
    });
  });
});
