import { Metadata, status } from '@grpc/grpc-js';
import { startTestGateway, type TestGateway } from '../gateway.spec-helper';

const MEMBER_ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';

// A failed call as @grpc/grpc-js rejects it: our services put the problem JSON in details.
const grpcError = (code: status, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() });
const problemJson = (p: object) => JSON.stringify(p);

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
    gw.downstream.members.accreditMember.mockRejectedValueOnce(
      grpcError(status.FAILED_PRECONDITION, problemJson(refusal)),
    );
    const res = await accredit();
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(refusal);
  });

  it.each([
    [
      status.INVALID_ARGUMENT,
      {
        type: 'https://ofm.state.gov/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'bad',
        errors: [{ field: 'id', message: 'must be a UUID' }],
      },
      400,
    ],
    [
      status.NOT_FOUND,
      {
        type: 'https://ofm.state.gov/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: `member ${MEMBER_ID} was not found`,
      },
      404,
    ],
    [
      status.ABORTED,
      {
        type: 'https://ofm.state.gov/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'version 3 expected, found 4',
      },
      409,
    ],
    [
      status.PERMISSION_DENIED,
      { type: 'https://ofm.state.gov/problems/forbidden', title: 'Forbidden', status: 403, detail: 'no' },
      403,
    ],
  ])('passes on the problem a service gives with code %s', async (code, problem, httpStatus) => {
    gw.downstream.members.accreditMember.mockRejectedValueOnce(grpcError(code, problemJson(problem)));
    const res = await accredit();
    expect(res.status).toBe(httpStatus);
    expect(res.body).toEqual(problem);
  });

  it.each([
    [status.DEADLINE_EXCEEDED, 504],
    [status.UNAVAILABLE, 503],
    [status.NOT_FOUND, 404],
    [status.ABORTED, 409],
  ])('maps a bare status %s (no problem JSON, e.g. from the transport) to %s', async (code, httpStatus) => {
    gw.downstream.members.accreditMember.mockRejectedValueOnce(grpcError(code, 'transport said no'));
    const res = await accredit();
    expect(res.status).toBe(httpStatus);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(httpStatus);
  });

  it('answers an internal failure with 500 and shows nothing of it', async () => {
    gw.downstream.members.accreditMember.mockRejectedValueOnce(
      grpcError(status.INTERNAL, 'relation "member" does not exist at pg://secret'),
    );
    const res = await accredit();
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/relation|secret/);
    expect(res.body).toMatchObject({ type: 'https://ofm.state.gov/problems/internal', status: 500 });
  });

  it('answers a gateway bug (a plain exception) with 500 problem+json', async () => {
    gw.downstream.members.accreditMember.mockRejectedValueOnce(new TypeError('cannot read x of undefined'));
    const res = await accredit();
    expect(res.status).toBe(500);
    expect(res.body.detail).not.toMatch(/undefined/);
  });

  it('forwards If-Match as expected_version, and no If-Match as 0', async () => {
    const member = {
      id: MEMBER_ID,
      missionId: MEMBER_ID,
      status: 'accredited',
      version: 5,
      idCard: { number: 'D123', color: 'blue', expiresOn: '2029-11-28' },
    };
    gw.downstream.members.accreditMember.mockResolvedValue({ member });
    const withTag = await accredit({ 'if-match': '"4"' });
    expect(withTag.status).toBe(200);
    expect(withTag.headers.etag).toBe('"5"');
    expect(withTag.body).toMatchObject({
      status: 'accredited',
      idCard: { number: 'D123', color: 'blue', expiresOn: '2029-11-28' },
    });
    expect(gw.downstream.members.accreditMember).toHaveBeenLastCalledWith(
      { id: MEMBER_ID, decision: 'accredit', expectedVersion: 4 },
      { subject: 'officer-1', roles: ['ofm-officer'] },
    );
    await accredit({ 'if-match': 'W/"7"' });
    expect(gw.downstream.members.accreditMember).toHaveBeenLastCalledWith(
      expect.objectContaining({ expectedVersion: 7 }),
      expect.anything(),
    );
    await accredit();
    expect(gw.downstream.members.accreditMember).toHaveBeenLastCalledWith(
      expect.objectContaining({ expectedVersion: 0 }),
      expect.anything(),
    );
  });

  it('answers the termination with the member as it now stands', async () => {
    gw.downstream.members.terminateMember.mockResolvedValueOnce({
      member: { id: MEMBER_ID, missionId: MEMBER_ID, status: 'terminated', immunityEndsOn: '2026-12-28', version: 6 },
    });
    const res = await gw.request('POST', `/api/v1/members/${MEMBER_ID}/termination`, {
      token: officer,
      body: { effectiveDate: '2026-11-28', reason: 'end of assignment' },
      headers: { 'if-match': '"5"' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'terminated', immunityEndsOn: '2026-12-28', version: 6 });
    expect(gw.downstream.members.terminateMember).toHaveBeenCalledWith(
      {
        id: MEMBER_ID,
        effectiveDate: '2026-11-28',
        reason: 'end of assignment',
        departureDate: '',
        expectedVersion: 5,
      },
      expect.anything(),
    );
  });
});
