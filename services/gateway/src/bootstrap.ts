import { bootstrapService, createNestLogger } from '@ofm/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_CONTROLLERS, AppModule } from './app.module';
import { loadGatewayConfig } from './config';
import { gatewayEdgeSettings, type GatewayEdgeSettings } from './http/edge.config';
import { answerUnknownMethods } from './http/method-not-allowed';
import { declareRouteBodies } from './http/route-bodies';
import { buildOpenApiDocument } from './openapi/openapi.document';
import { OpenApiDocumentHolder } from './openapi/openapi.holder';
import { limitCallers } from './rate-limit/limit-callers';

// Runs before the app listens. Fastify's own errors (malformed JSON, wrong content type, body too
// large) reach the platform's problem+json filter through Nest's Fastify error handler.
export const configureGateway = (
  app: NestFastifyApplication,
  edge: GatewayEdgeSettings = gatewayEdgeSettings(),
): void => {
  app.get(OpenApiDocumentHolder).document = buildOpenApiDocument(API_CONTROLLERS);
  declareRouteBodies(app, API_CONTROLLERS, { json: edge.bodyLimitBytes, csv: edge.csvBodyLimitBytes });
  answerUnknownMethods(app, API_CONTROLLERS);
  limitCallers(app);
};

export const bootstrap = (): Promise<NestFastifyApplication> =>
  bootstrapService(() => {
    const config = loadGatewayConfig();
    const edge = gatewayEdgeSettings();
    const logger = createNestLogger('gateway');
    return {
      name: 'gateway',
      module: AppModule.forRoot(config, { logger }),
      httpPort: config.httpPort,
      config,
      logger,
      edge,
      configure: (app) => configureGateway(app, edge),
    };
  });
