import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { captureTraceContext, contextFromTraceHeaders } from './trace-context';

// No telemetry SDK is registered here: the fallbacks must give correct W3C headers on their own.
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('captureTraceContext', () => {
  it('writes the traceparent of the span in the given context', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    });
    expect(captureTraceContext(ctx)).toEqual({ traceparent: TRACEPARENT });
  });

  it('starts a trace of its own when there is no span, so consumers still share one trace', () => {
    const { traceparent, tracestate } = captureTraceContext(ROOT_CONTEXT);
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(tracestate).toBeUndefined();
    expect(captureTraceContext(ROOT_CONTEXT).traceparent).not.toBe(traceparent);
  });
});

describe('contextFromTraceHeaders', () => {
  it('makes the message’s span the remote parent', () => {
    const span = trace.getSpanContext(contextFromTraceHeaders(TRACEPARENT, 'ofm=1'));
    expect(span).toEqual(
      expect.objectContaining({
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        traceFlags: 1,
        isRemote: true,
      }),
    );
    expect(span?.traceState?.get('ofm')).toBe('1');
  });

  it('round-trips with captureTraceContext', () => {
    expect(captureTraceContext(contextFromTraceHeaders(TRACEPARENT)).traceparent).toBe(TRACEPARENT);
  });

  it.each([
    undefined,
    '',
    'garbage',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  ])('falls back to the root context for %p', (header) => {
    expect(contextFromTraceHeaders(header)).toBe(ROOT_CONTEXT);
  });
});
