import { problemFromEdgeError } from './edge-errors';

const fastifyError = (code: string, statusCode: number) => Object.assign(new Error(code), { code, statusCode });

describe('problemFromEdgeError', () => {
  it("words a body too large with the route's limit", () => {
    const request = { headers: {}, routeOptions: { bodyLimit: 65_536 } };
    expect(problemFromEdgeError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413), request)).toMatchObject({
      status: 413,
      type: 'https://ofm.state.gov/problems/payload-too-large',
      detail: 'The request body is larger than the 65536 bytes this route takes',
    });
  });

  it('words an unparsed media type with what the route takes', () => {
    const request = {
      headers: { 'content-type': 'application/xml' },
      routeOptions: { config: { contentTypes: ['text/csv'] } },
    };
    expect(problemFromEdgeError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), request)?.detail).toBe(
      'This route takes a body of type text/csv, not application/xml',
    );
  });

  it('answers a handler timeout 504 (the request was admitted and may complete), not 503', () => {
    const request = { headers: {}, routeOptions: { handlerTimeout: 30_000 } };
    expect(problemFromEdgeError(fastifyError('FST_ERR_HANDLER_TIMEOUT', 503), request)).toMatchObject({
      status: 504,
      detail: 'The request was not answered within 30 s',
    });
  });

  it('leaves every other error to the usual mapping', () => {
    expect(problemFromEdgeError(new Error('boom'), { headers: {} })).toBeUndefined();
    expect(problemFromEdgeError(null)).toBeUndefined();
  });
});

describe('problemFromEdgeError on what Nest hands on', () => {
  it('reads the Fastify error an HttpException was made from', () => {
    const wrapped = Object.assign(new Error('Request body is too large'), {
      cause: fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413),
    });
    expect(problemFromEdgeError(wrapped, { headers: {}, routeOptions: { bodyLimit: 100 } })?.detail).toBe(
      'The request body is larger than the 100 bytes this route takes',
    );
  });
});
