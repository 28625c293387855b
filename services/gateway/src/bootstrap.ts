import { bootstrapService, createNestLogger } from '@ofm/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_CONTROLLERS, AppModule } from './app.module';
import { loadGatewayConfig } from './config';
import { answerUnknownMethods } from './http/method-not-allowed';
import { buildOpenApiDocument } from './openapi/openapi.document';
import { OpenApiDocumentHolder } from './openapi/openapi.holder';

// Runs before the app listens. Fastify's own errors (malformed JSON, wrong content type) reach the
// platform's problem+json filter through Nest's Fastify error handler; nothing to add for them.
export const configureGateway = (app: NestFastifyApplication): void => {
  app.get(OpenApiDocumentHolder).document = buildOpenApiDocument(API_CONTROLLERS);
  answerUnknownMethods(app, API_CONTROLLERS);
};

export const bootstrap = (): Promise<NestFastifyApplication> =>
  bootstrapService(() => {
    const config = loadGatewayConfig();
    const logger = createNestLogger('gateway');
    return {
      name: 'gateway',
      module: AppModule.forRoot(config, { logger }),
      httpPort: config.httpPort,
      config,
      logger,
      configure: configureGateway,
    };
  });
