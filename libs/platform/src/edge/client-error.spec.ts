import { clientErrorProblem, rawProblemResponse } from './client-error';

const settings = { headersTimeoutMs: 30_000, requestTimeoutMs: 30_000, maxHeaderBytes: 16_384 };
const error = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

describe('clientErrorProblem', () => {
  it('answers a request that did not arrive in time 408, naming the timeouts', () => {
    expect(clientErrorProblem(error('ERR_HTTP_REQUEST_TIMEOUT'), settings)).toEqual({
      type: 'https://ofm.state.gov/problems/request-timeout',
      title: 'Request timeout',
      status: 408,
      detail: 'The request did not arrive in time: headers are expected within 30 s, the whole request within 30 s',
    });
  });

  it('answers headers too large 431, naming the limit', () => {
    const problem = clientErrorProblem(error('HPE_HEADER_OVERFLOW'), settings);
    expect(problem.status).toBe(431);
    expect(problem.type).toBe('https://ofm.state.gov/problems/request-header-fields-too-large');
    expect(problem.detail).toBe('The request line and headers are larger than 16384 bytes');
  });

  it('answers anything else the parser refuses 400', () => {
    const problem = clientErrorProblem(error('HPE_INVALID_METHOD'), settings);
    expect(problem.status).toBe(400);
    expect(problem.detail).toBe('The request is not valid HTTP/1.1 (HPE_INVALID_METHOD)');
  });
});

describe('rawProblemResponse', () => {
  it('is a complete HTTP/1.1 answer with a problem+json body that closes the connection', () => {
    const problem = clientErrorProblem(error('HPE_HEADER_OVERFLOW'), settings);
    const [head, body] = rawProblemResponse(problem).split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'HTTP/1.1 431 Request Header Fields Too Large',
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(body!)}`,
      'Connection: close',
    ]);
    expect(JSON.parse(body!)).toEqual(problem);
  });
});
