import { EVENT_TYPES } from '@ofm/contracts';
import { addDays } from '@ofm/kernel';
import type { Actor } from '@ofm/platform';
import { waitFor } from '@ofm/testing';
import { startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, today } from './fixtures';
import type { AccreditationClient } from './grpc-client';

// The law-enforcement partner topic (ofm.partner.law-enforcement.v1) over real PostgreSQL and Kafka:
// each change of a card holder's immunity is published with the card number and what a verification
// answers, in the transaction of the change, and never with a date of birth or an address.
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const PARTNER_TYPE = EVENT_TYPES.immunityStatusChanged.type;

describe('the law-enforcement partner feed', () => {
  let svc: AccreditationUnderTest;
  let client: AccreditationClient;

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('law-enforcement-feed-test');
    ({ client } = svc);
  }, 120_000);

  afterAll(() => svc?.stop(), 120_000);

  const call = async (method: string, request: object) => client.call('MemberService', method, request, officer);

  it('publishes an accreditation and a termination of a card holder, with only what an officer needs', async () => {
    const m = (await client.call('MissionService', 'registerMission', mission(), officer)).mission;
    const notified = (await call('notifyAppointment', diplomat(m.id))).member;
    const accredited = (await call('accreditMember', { id: notified.id, decision: 'accredit', expectedVersion: 0 }))
      .member;
    const card = accredited.idCard.number;

    const granted = await svc.eventFor(PARTNER_TYPE, card);
    expect(granted.key).toBe(card);
    expect(granted.headers).toMatchObject({ ce_source: '/ofm/accreditation', ce_subject: card });
    expect(granted.value).toEqual({
      change: 'accredited',
      idCardNumber: card,
      effectiveOn: today,
      verification: {
        status: 'valid',
        name: 'Claire Martin',
        mission: 'Embassy of France',
        country: 'FR',
        category: 'diplomatic-agent',
        immunityLevel: 'full',
        guidance: {
          arrest: 'May not be arrested or detained',
          residenceInviolable: 'Residence is inviolable: it may not be entered without consent',
          prosecution: 'May not be prosecuted',
          ticket: 'May be issued a traffic citation',
        },
        checkedAt: expect.any(String),
      },
    });
    const wire = JSON.stringify(granted.value);
    expect(wire).not.toContain(notified.dateOfBirth);
    expect(wire).not.toContain(notified.id);
    expect(wire).not.toContain(m.id);

    await call('terminateMember', { id: notified.id, effectiveDate: today, reason: 'End of tour', expectedVersion: 0 });
    const ended = await waitFor(() =>
      svc.received.find((r) => r.headers.ce_type === PARTNER_TYPE && r.key === card && r.value.change === 'terminated'),
    );
    expect(ended.value.verification).toMatchObject({
      status: 'terminated',
      immunityLevel: 'full',
      immunityEndsOn: addDays(today, 30),
    });
  });

  it('publishes nothing for someone who holds no card', async () => {
    const m = (
      await client.call(
        'MissionService',
        'registerMission',
        mission({ name: 'Embassy of Peru', country: 'PE' }),
        officer,
      )
    ).mission;
    const notified = (await call('notifyAppointment', diplomat(m.id, { nationality: 'PE', familyName: 'Quispe' })))
      .member;
    await call('terminateMember', { id: notified.id, effectiveDate: today, reason: 'Withdrawn', expectedVersion: 0 });
    // Both events of a commit are relayed together: once the termination is on Kafka, a notice would be too.
    await svc.eventFor(EVENT_TYPES.memberTerminated.type, notified.id);
    expect(
      svc.received.filter((r) => r.headers.ce_type === PARTNER_TYPE && r.value.verification?.name?.includes('Quispe')),
    ).toEqual([]);
  });
});
