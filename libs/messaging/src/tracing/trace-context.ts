import { randomBytes } from 'node:crypto';
import {
  ROOT_CONTEXT,
  TraceFlags,
  context,
  createTraceState,
  isSpanContextValid,
  propagation,
  trace,
  type Context,
} from '@opentelemetry/api';

export interface TraceHeaders {
  traceparent: string;
  tracestate?: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

const format = (traceId: string, spanId: string, flags: number): string =>
  `00-${traceId}-${spanId}-${flags.toString(16).padStart(2, '0')}`;

// The W3C trace context of the active span. Uses the global propagator (set by the telemetry SDK) and
// falls back to the active span context, so the header is right even without a registered propagator.
// With no active span at all the event starts a trace of its own, so its consumers' spans still join up.
export const captureTraceContext = (active: Context = context.active()): TraceHeaders => {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  if (carrier.traceparent && TRACEPARENT.test(carrier.traceparent)) {
    return carrier.tracestate
      ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate }
      : { traceparent: carrier.traceparent };
  }
  const span = trace.getSpanContext(active);
  if (span && isSpanContextValid(span)) {
    const traceparent = format(span.traceId, span.spanId, span.traceFlags);
    const tracestate = span.traceState?.serialize();
    return tracestate ? { traceparent, tracestate } : { traceparent };
  }
  return { traceparent: format(randomBytes(16).toString('hex'), randomBytes(8).toString('hex'), TraceFlags.SAMPLED) };
};

// The context a consumer's work runs in: the remote parent carried by the message, or the root context.
export const contextFromTraceHeaders = (traceparent?: string, tracestate?: string): Context => {
  if (!traceparent) return ROOT_CONTEXT;
  const carrier: Record<string, string> = tracestate ? { traceparent, tracestate } : { traceparent };
  const extracted = propagation.extract(ROOT_CONTEXT, carrier);
  if (trace.getSpanContext(extracted)) return extracted;
  const m = TRACEPARENT.exec(traceparent.trim().toLowerCase());
  if (!m || m[1] === 'ff') return ROOT_CONTEXT;
  const spanContext = {
    traceId: m[2]!,
    spanId: m[3]!,
    traceFlags: parseInt(m[4]!, 16) & TraceFlags.SAMPLED,
    isRemote: true,
    ...(tracestate ? { traceState: createTraceState(tracestate) } : {}),
  };
  return isSpanContextValid(spanContext) ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
};
