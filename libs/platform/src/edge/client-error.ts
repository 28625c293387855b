import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemFromStatus, type ProblemDetails } from '../errors/problem-details';
import { isAnsweredBeforeItsBody } from './unread-body';

// What Node's HTTP parser reports before a request reaches Fastify (a timeout, headers too large,
// a malformed request), as the problem to answer. Node and Fastify would answer these in plain text
// or as {"error": …}; every answer of the edge is a problem document.
export const clientErrorProblem = (error: NodeJS.ErrnoException, settings: ClientErrorSettings): ProblemDetails => {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problemFromStatus(
        408,
        `The request did not arrive in time: headers are expected within ${seconds(settings.headersTimeoutMs)}, ` +
          `the whole request within ${seconds(settings.requestTimeoutMs)}`,
      );
    case 'HPE_HEADER_OVERFLOW':
      return problemFromStatus(431, `The request line and headers are larger than ${settings.maxHeaderBytes} bytes`);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return problemFromStatus(413, 'The chunk extensions of the body are too large');
    default:
      return problemFromStatus(400, `The request is not valid HTTP/1.1 (${error.code ?? 'malformed'})`);
  }
};

export interface ClientErrorSettings {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxHeaderBytes: number;
}

const seconds = (ms: number): string => `${ms / 1000} s`;

// The whole HTTP/1.1 answer, written straight to the socket: there is no request object yet to
// answer through. The connection is closed after it, as the parser cannot go on.
export const rawProblemResponse = (problem: ProblemDetails): string => {
  const body = JSON.stringify(problem);
  return (
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}\r\n` +
    `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
};

// Node's `clientError` event: answer when nothing of an answer was written on this socket yet (as
// Node's own handler decides: no response in flight, or one whose headers are not sent), then close.
export const answerClientError =
  (settings: ClientErrorSettings) =>
  (error: NodeJS.ErrnoException, socket: Socket): void => {
    // A reset connection is gone: there is no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // The request was answered already and only the rest of its body was awaited: no second answer.
    if (isAnsweredBeforeItsBody(socket)) {
      socket.destroy();
      return;
    }
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      // Closed once written, and at the latest a second later: a client that neither reads the
      // answer nor stops sending must not keep the socket.
      socket.end(rawProblemResponse(clientErrorProblem(error, settings)), () => socket.destroy());
      setTimeout(() => socket.destroy(), 1_000).unref();
      return;
    }
    socket.destroy(error);
  };
