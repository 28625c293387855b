import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../http/api-route.decorator';
import { FieldErrorView, ProblemView } from '../http/problem.view';
import { toOpenApi31Schemas } from './openapi-31';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/docs';

// The OpenAPI 3.1 description of /api/v1, built from the controllers' decorators.
export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('OFM Mission Platform API')
    .setDescription(
      'REST API of the Office of Foreign Missions platform (CONTRACT.md). Every /api/v1 route needs `Authorization: Bearer <JWT>`; ' +
        'each operation lists the roles that may call it. Errors are RFC 9457 application/problem+json. ' +
        'POST accepts `Idempotency-Key`; resources carry `version` (also the ETag).',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'claims: sub, roles, mission_id' },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemView, FieldErrorView] });
  document.openapi = '3.1.0';
  // Health and metrics are operations endpoints of every service, not part of the API contract.
  document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith('/api/v1/')));
  return toOpenApi31Schemas(document);
};

// Filled in by bootstrap before the app listens; the docs controller serves it.
export class OpenApiDocumentHolder {
  document: OpenAPIObject | undefined;
}
