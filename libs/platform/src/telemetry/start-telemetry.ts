import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  NoopSpanProcessor,
  ParentBasedSampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TelemetryOptions {
  // Defaults to process.env.OTEL_EXPORTER_OTLP_ENDPOINT.
  otlpEndpoint?: string;
}

export interface Telemetry {
  readonly serviceName: string;
  readonly exporting: boolean;
  shutdown(): Promise<void>;
}

const SHUTDOWN_TIMEOUT_MS = 5_000;
let started: Telemetry | undefined;

// Must run before anything imports http, @grpc/grpc-js, pg or kafkajs: instrumentations patch
// modules as they are required. Without an OTLP endpoint we still install a tracer provider (with
// a span processor that drops spans) so that trace ids exist, reach the logs and propagate on
// gRPC metadata and Kafka headers.
export const startTelemetry = (serviceName: string, options: TelemetryOptions = {}): Telemetry => {
  if (started) return started;
  if (process.env.OTEL_LOG_LEVEL === undefined) diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.ERROR);

  const endpoint = options.otlpEndpoint ?? nonEmpty(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const spanProcessor: SpanProcessor = endpoint
    ? new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(endpoint) }))
    : new NoopSpanProcessor();

  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    serviceName,
    spanProcessors: [spanProcessor],
    // With nowhere to send spans, recording them is pure cost: new traces are not sampled (their ids
    // still exist, reach the logs and propagate), and only a caller that asks for sampling gets spans.
    // With an exporter, the standard OTEL_TRACES_SAMPLER variables decide.
    ...(endpoint ? {} : { sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }) }),
    // Metrics are Prometheus (prom-client) and logs are pino on stdout: no OTLP pipelines for them,
    // which also stops the SDK from defaulting to exporters that would dial localhost:4318.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would otherwise be most of the traces.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
      }),
      new GrpcInstrumentation(),
      // pg spans carry no context anywhere (a query propagates nothing): with nowhere to send them,
      // wrapping every query was 15% of a read's CPU in accreditation (bench/README.md), so they are
      // only made when exported.
      ...(endpoint ? [new PgInstrumentation({ requireParentSpan: true })] : []),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();

  let shuttingDown: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shuttingDown ??= Promise.race([
      sdk.shutdown().catch(() => undefined),
      new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref()),
    ]);
    return shuttingDown;
  };
  flushOnSignal('SIGTERM', shutdown);
  flushOnSignal('SIGINT', shutdown);

  started = { serviceName, exporting: Boolean(endpoint), shutdown };
  return started;
};

// A signal listener stops Node's default "exit on SIGTERM", so it has to cooperate with the others
// (Nest's shutdown hooks re-raise the signal after closing the app): it flushes spans, then
// re-raises the signal only if nobody else was going to, or if the signal came again meanwhile.
const flushOnSignal = (signal: NodeJS.Signals, shutdown: () => Promise<void>): void => {
  let othersListening = false;
  let raisedAgain = false;
  let flushing = false;
  const listener = (): void => {
    if (flushing) {
      raisedAgain = true;
      return;
    }
    flushing = true;
    othersListening = process.listenerCount(signal) > 1;
    void shutdown().then(() => {
      process.removeListener(signal, listener);
      if (!othersListening || raisedAgain) process.kill(process.pid, signal);
    });
  };
  process.on(signal, listener);
};

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

// OTEL_EXPORTER_OTLP_ENDPOINT is the base URL; the traces signal lives under /v1/traces.
const tracesUrl = (endpoint: string): string =>
  endpoint.endsWith('/v1/traces') ? endpoint : `${endpoint.replace(/\/+$/, '')}/v1/traces`;
