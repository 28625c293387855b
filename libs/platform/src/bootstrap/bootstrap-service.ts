import type { DynamicModule, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROTO_FILES, PROTO_LOADER_OPTIONS, protoPath } from '@ofm/contracts';
import { isAbsolute } from 'node:path';
import { ConfigError } from '../config/config.error';
import { RequestContextInterceptor } from '../context/request-context.interceptor';
import { describeConfig } from '../config/describe-config';
import { GrpcErrorFilter } from '../errors/grpc-error.filter';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { GRPC_HEALTH_PACKAGE } from '../health/health.grpc-controller';
import { createNestLogger, type PinoNestLogger } from '../logging/pino-nest.logger';
import { GrpcMetricsInterceptor } from '../metrics/grpc-metrics.interceptor';
import { GrpcRequestValidationInterceptor } from '../validation/grpc-request-validation.interceptor';
import { httpMetricsHook, type FastifyLike } from '../metrics/http-metrics.hook';
import { shedLoad } from '../load/shed-load';
import { loadEdgeSettings, type EdgeSettings } from '../edge/edge.config';
import { problemFromEdgeError } from '../edge/edge-errors';
import { installEdge } from '../edge/install-edge';
import { edgeFastifyOptions } from '../edge/server-options';
import type { FastifyInstance } from 'fastify';

export interface BootstrapGrpcOptions {
  // Proto packages served, e.g. ['ofm.accreditation.v1'].
  packages: string[];
  // Paths relative to PROTO_ROOT (PROTO_FILES.member) or absolute (protoPath(PROTO_FILES.member)).
  protoFiles: string[];
}

export interface BootstrapOptions {
  name: string;
  module: Type<unknown> | DynamicModule;
  httpPort: number;
  // Defaults to 0.0.0.0.
  host?: string;
  // When set, a gRPC server listens on 0.0.0.0:grpcPort and always serves grpc.health.v1.Health.
  grpcPort?: number;
  grpc?: BootstrapGrpcOptions;
  // The validated configuration, logged (secrets masked) in the start-up line.
  config?: object;
  // Options of Nest's FastifyAdapter (trustProxy, …), over those the edge settings give.
  fastify?: FastifyAdapterOptions;
  // Timeouts and limits of the HTTP port (libs/platform/src/edge); read from the environment
  // (HTTP_*_TIMEOUT_MS, HTTP_MAX_*, HTTP_BODY_LIMIT_BYTES, HTTP_JSON_*) when not given.
  edge?: EdgeSettings;
  // Runs before the app listens: global pipes, prefixes, Swagger, CORS (the gateway).
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
  logger?: PinoNestLogger;
  // Default true (false under jest): a service that cannot start (bad config, port taken) logs why and exits 1.
  exitOnError?: boolean;
}

export type FastifyAdapterOptions = ConstructorParameters<typeof FastifyAdapter>[0];

export type BootstrapOptionsSource = BootstrapOptions | (() => BootstrapOptions | Promise<BootstrapOptions>);

// The one start-up path of every service. Passing a function lets loadConfig run inside it, so a
// ConfigError is logged as one line and the process exits 1 instead of dying on a stack trace.
// `runtime.exitOnError` applies even when the options callback itself fails (a test of bad config).
export const bootstrapService = async (
  source: BootstrapOptionsSource,
  runtime: { exitOnError?: boolean } = {},
): Promise<NestFastifyApplication> => {
  let logger: PinoNestLogger | undefined = typeof source === 'function' ? undefined : source.logger;
  let exitOnError =
    runtime.exitOnError ?? (typeof source === 'function' ? undefined : source.exitOnError) ?? defaultExitOnError();
  let app: NestFastifyApplication | undefined;
  try {
    const options = typeof source === 'function' ? await source() : source;
    exitOnError = runtime.exitOnError ?? options.exitOnError ?? defaultExitOnError();
    logger = options.logger ?? logger ?? createNestLogger(options.name);
    const edge = options.edge ?? loadEdgeSettings();
    app = await createEdgeApp(options.module, edge, { logger, fastify: options.fastify });
    app.useLogger(logger);
    // SIGTERM from Kubernetes, SIGINT from a terminal: drain (readiness drops first), then close.
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    configurePlatformApp(app, logger);
    await options.configure?.(app);
    if (options.grpcPort !== undefined) {
      app.connectMicroservice<GrpcOptions>(grpcServerOptions(options.grpcPort, options.grpc), {
        inheritAppConfig: true,
      });
      await app.startAllMicroservices();
    }
    await app.listen({ port: options.httpPort, host: options.host ?? '0.0.0.0' });
    logger.log(
      {
        msg: `${options.name} started`,
        httpPort: options.httpPort,
        grpcPort: options.grpcPort,
        config: options.config ? describeConfig(options.config) : undefined,
        edge,
      },
      'Bootstrap',
    );
    return app;
  } catch (error) {
    const log: LoggerService = logger ?? createNestLogger('bootstrap');
    if (error instanceof ConfigError) log.error(error.message, 'Bootstrap');
    else log.error(error instanceof Error ? error : String(error), 'Bootstrap');
    await app?.close().catch(() => undefined);
    if (exitOnError) process.exit(1);
    throw error;
  }
};

// A Nest app on Fastify with the edge's timeouts, limits and body parsers (before any other hook);
// bootstrapService's, and a test's that builds its own app over a real HTTP port.
export const createEdgeApp = async (
  module: Type<unknown> | DynamicModule,
  edge: EdgeSettings,
  options: { logger?: LoggerService | false; fastify?: FastifyAdapterOptions } = {},
): Promise<NestFastifyApplication> => {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({ logger: false, ...edgeFastifyOptions(edge), ...options.fastify } as FastifyAdapterOptions),
    // The edge installs the only body parsers (JSON with its limits, and the media types routes
    // declare); Nest's would add form-urlencoded for every route. A failure to create is thrown, so
    // that bootstrapService logs it and decides whether to exit (Nest would exit the process itself).
    {
      logger: options.logger ?? false,
      bufferLogs: options.logger !== undefined,
      bodyParser: false,
      abortOnError: false,
    },
  );
  installEdge(app.getHttpAdapter().getInstance() as unknown as FastifyInstance, edge);
  return app;
};

// A test runner must never be killed by a service that failed to start in it.
const defaultExitOnError = (): boolean => process.env.JEST_WORKER_ID === undefined;

// Filters, the gRPC metrics and request-context interceptors and the HTTP metrics hook; for an app
// not made by bootstrapService (e.g. a test that builds its own).
export const configurePlatformApp = (app: NestFastifyApplication, logger?: LoggerService): void => {
  shedLoad(app);
  // Nest asks the filter registered last first: ProblemDetailsFilter, which also answers gRPC like
  // GrpcErrorFilter, and words the edge's errors with their limits.
  app.useGlobalFilters(new GrpcErrorFilter(logger), new ProblemDetailsFilter(logger, [problemFromEdgeError]));
  app.useGlobalInterceptors(
    platformProvider(app, GrpcMetricsInterceptor) ?? new GrpcMetricsInterceptor(),
    new RequestContextInterceptor(),
    new GrpcRequestValidationInterceptor(),
  );
  httpMetricsHook(app.getHttpAdapter().getInstance() as FastifyLike);
};

export const grpcServerOptions = (port: number, grpc?: BootstrapGrpcOptions): GrpcOptions => {
  const protoFiles = (grpc?.protoFiles ?? []).map((file) => (isAbsolute(file) ? file : protoPath(file)));
  return {
    transport: Transport.GRPC,
    options: {
      package: unique([...(grpc?.packages ?? []), GRPC_HEALTH_PACKAGE]),
      protoPath: unique([...protoFiles, protoPath(PROTO_FILES.health)]),
      url: `0.0.0.0:${port}`,
      loader: PROTO_LOADER_OPTIONS,
    },
  };
};

// The instance PlatformModule provides, when the module imported it (app.get throws otherwise).
const platformProvider = <T>(app: NestFastifyApplication, type: new (...args: never[]) => T): T | undefined => {
  try {
    return app.get(type, { strict: false });
  } catch {
    return undefined;
  }
};

const unique = (values: string[]): string[] => [...new Set(values)];
