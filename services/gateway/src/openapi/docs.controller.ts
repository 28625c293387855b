import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { Public } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { DOCS_PATH, OPENAPI_PATH, type OpenApiDocument } from './openapi.document';
import { OpenApiDocumentHolder } from './openapi.holder';

// Swagger UI's files come from swagger-ui-dist, served here (no @fastify/static needed).
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>OFM Mission Platform API</title>
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css" />
  <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: '${OPENAPI_PATH}', dom_id: '#swagger-ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout', persistAuthorization: true });
  </script>
</body>
</html>
`;

@Public()
@Controller()
export class DocsController {
  private readonly assets = new Map<string, Buffer>();

  constructor(private readonly holder: OpenApiDocumentHolder) {}

  @Get(OPENAPI_PATH)
  openapi(): OpenApiDocument {
    if (!this.holder.document) throw new NotFoundException('The OpenAPI document is not built yet');
    return this.holder.document;
  }

  @Get(DOCS_PATH)
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return INDEX_HTML;
  }

  @Get(`${DOCS_PATH}/:asset`)
  asset(@Param('asset') name: string, @Res() reply: FastifyReply): void {
    const type = ASSETS[name];
    if (!type) throw new NotFoundException(`No such file: ${name}`);
    let content = this.assets.get(name);
    if (!content) {
      content = readFileSync(join(SWAGGER_UI_DIR, name));
      this.assets.set(name, content);
    }
    void reply.header('content-type', type).header('cache-control', 'public, max-age=86400').send(content);
  }
}
