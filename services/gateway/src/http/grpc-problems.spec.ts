import { ClientError, Status } from 'nice-grpc';
import { callOf, startTestGateway, type TestGateway } from '../gateway.spec-helper';

const MEMBER_ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
const ACCREDIT = '/ofm.accreditation.v1.MemberService/AccreditMember';

// A failed call as the nice-grpc client rejects it; our services put the problem JSON in details.
const grpcError = (code: Status, details: string) => new ClientError(ACCREDIT, code, details);

describe('gRPC errors of the services become problem+json', () => {
  let gw: TestGateway;
  let officer: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    officer = await gw.token({ sub: 'officer-1', roles: ['ofm-officer'] });
  });
  afterAll(() => gw.close());
  beforeEach(() => jest.clearAllMocks());

  const accredit = (headers: Record<string, string> = {}) =>
    gw.request('POST', `/api/v1/members/${MEMBER_ID}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
      headers,
    });
  const failWith = (error: unknown) => gw.downstream.members.accreditMember.mockRejectedValueOnce(error);

  it('answers a refused accreditation (FAILED_PRECONDITION) with 422 and one errors entry per failed criterion', async () => {
    const refusal = {
      type: 'https://ofm.state.gov/problems/diplomatic-agent-criteria',
      title: 'Rule violated',
      status: 422,
      detail: 'The member does not meet the criteria of a diplomatic agent',
      rule: 'diplomatic-agent-criteria',
      errors: [
        { field: 'passportType', message: 'a diplomatic agent holds a diplomatic passport' },
        { field: 'weeklyHours', message: 'a diplomatic agent works at least 35 hours a week' },
      ],
    };
    failWith(grpcError(Status.FAILED_PRECONDITION, JSON.stringify(refusal)));
    const res = await accredit();
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(refusal);
  });

  it.each([
    [
      'INVALID_ARGUMENT',
      {
        type: 'https://ofm.state.gov/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'The request is not valid: id',
        errors: [{ field: 'id', message: 'id must be a UUID' }],
      },
    ],
    [
      'NOT_FOUND',
      {
        type: 'https://ofm.state.gov/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: `member ${MEMBER_ID} was not found`,
      },
    ],
    [
      'ABORTED',
      {
        type: 'https://ofm.state.gov/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'version 3 expected, found 4',
      },
    ],
    [
      'PERMISSION_DENIED',
      { type: 'https://ofm.state.gov/problems/forbidden', title: 'Forbidden', status: 403, detail: 'no' },
    ],
  ] as const)('passes on the problem a service gives with %s, with its status', async (name, problem) => {
    failWith(grpcError(Status[name], JSON.stringify(problem)));
    const res = await accredit();
    expect(res.status).toBe(problem.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(problem);
  });

  it("keeps only the problem's own fields from another process", async () => {
    const problem = {
      type: 'https://ofm.state.gov/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'gone',
    };
    failWith(
      grpcError(Status.NOT_FOUND, JSON.stringify({ ...problem, stack: 'at pg://secret', debug: { sql: 'SELECT' } })),
    );
    const res = await accredit();
    expect(res.body).toEqual(problem);
  });

  it.each([
    ['DEADLINE_EXCEEDED', 504],
    ['UNAVAILABLE', 503],
    ['INVALID_ARGUMENT', 400],
    ['UNAUTHENTICATED', 401],
    ['PERMISSION_DENIED', 403],
    ['NOT_FOUND', 404],
    ['ABORTED', 409],
    ['ALREADY_EXISTS', 409],
    ['FAILED_PRECONDITION', 422],
    ['RESOURCE_EXHAUSTED', 429],
  ] as const)('maps a bare status %s (no problem JSON, e.g. from the transport) to %s', async (name, httpStatus) => {
    failWith(grpcError(Status[name], 'transport said no'));
    const res = await accredit();
    expect(res.status).toBe(httpStatus);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: httpStatus,
      type: expect.stringContaining('https://ofm.state.gov/problems/'),
    });
  });

  it.each(['INTERNAL', 'UNKNOWN', 'DATA_LOSS'] as const)(
    'answers an internal failure (%s) with 500 and shows nothing of it',
    async (name) => {
      failWith(grpcError(Status[name], 'relation "member" does not exist at pg://secret'));
      const res = await accredit();
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toMatch(/relation|secret/);
      expect(res.body).toMatchObject({ type: 'https://ofm.state.gov/problems/internal', status: 500 });
    },
  );

  it('answers a gateway bug (a plain exception) with 500 problem+json that shows nothing of it', async () => {
    failWith(new TypeError('cannot read x of undefined'));
    const res = await accredit();
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(res.body)).not.toMatch(/undefined/);
  });

  it('answers 500 when a service answers without the resource it must carry', async () => {
    gw.downstream.members.accreditMember.mockResolvedValueOnce({});
    const res = await accredit();
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ type: 'https://ofm.state.gov/problems/internal' });
    expect(JSON.stringify(res.body)).not.toMatch(/ofm\.accreditation/);
  });

  describe('answers', () => {
    const member = (over: object = {}) => ({
      id: MEMBER_ID,
      missionId: MEMBER_ID,
      status: 'accredited',
      version: 5,
      idCard: { number: 'D123', color: 'blue', expiresOn: '2029-11-28' },
      ...over,
    });

    it('carry the version as ETag and every field of the member, null where unset', async () => {
      gw.downstream.members.accreditMember.mockResolvedValueOnce({ member: member() });
      const res = await accredit({ 'if-match': '"4"' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"5"');
      expect(res.body).toMatchObject({
        id: MEMBER_ID,
        status: 'accredited',
        version: 5,
        idCard: { number: 'D123', color: 'blue', expiresOn: '2029-11-28' },
        immunityLevel: null,
        title: null,
        weeklyHours: null,
        givenName: '',
        lateNotification: false,
        failedCriteria: [],
        openItems: [],
      });
      expect(callOf(gw.downstream.members.accreditMember)).toEqual({
        request: { id: MEMBER_ID, decision: 'accredit', expectedVersion: 4 },
        actor: { subject: 'officer-1', roles: ['ofm-officer'] },
      });
    });

    it('carry ETag on a read, and an unset ID card as null', async () => {
      gw.downstream.members.getMember.mockResolvedValueOnce({
        member: member({ status: 'notified', version: 1, idCard: undefined }),
      });
      const res = await gw.request('GET', `/api/v1/members/${MEMBER_ID}`, { token: officer });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body.idCard).toBeNull();
    });

    it('carry no ETag on a page', async () => {
      gw.downstream.members.listMembers.mockResolvedValueOnce({ members: [member()], nextCursor: 'n' });
      const res = await gw.request('GET', '/api/v1/members', { token: officer });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBeUndefined();
      expect(res.body).toMatchObject({ items: [{ id: MEMBER_ID, version: 5 }], nextCursor: 'n' });
    });

    it('answer the termination with the member as it now stands', async () => {
      gw.downstream.members.terminateMember.mockResolvedValueOnce({
        member: member({ status: 'terminated', immunityEndsOn: '2026-12-28', version: 6 }),
      });
      const res = await gw.request('POST', `/api/v1/members/${MEMBER_ID}/termination`, {
        token: officer,
        body: { effectiveDate: '2026-11-28', reason: 'end of assignment' },
        headers: { 'if-match': '"5"' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"6"');
      expect(res.body).toMatchObject({ status: 'terminated', immunityEndsOn: '2026-12-28', version: 6 });
      expect(callOf(gw.downstream.members.terminateMember).request).toEqual({
        id: MEMBER_ID,
        effectiveDate: '2026-11-28',
        reason: 'end of assignment',
        expectedVersion: 5,
      });
    });
  });
});
