import { Controller, Get, Res } from '@nestjs/common';
import { buildAsyncApiDocument } from '@ofm/contracts';
import { Public } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { stringify } from 'yaml';

export const ASYNCAPI_JSON_PATH = '/api/v1/asyncapi.json';
export const ASYNCAPI_YAML_PATH = '/api/v1/asyncapi.yaml';

// The AsyncAPI 3 document of every Kafka topic (from @ofm/contracts' event registry), public like
// the OpenAPI document. Built once, when the app starts; both forms are served as built.
@Public()
@Controller()
export class AsyncApiController {
  private readonly json: string;
  private readonly yaml: string;

  constructor() {
    const document = buildAsyncApiDocument();
    this.json = JSON.stringify(document);
    // No anchors/aliases: the document repeats schemas on purpose (each message stands alone).
    this.yaml = stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
  }

  @Get(ASYNCAPI_JSON_PATH)
  asyncapiJson(@Res() reply: FastifyReply): void {
    void reply.header('content-type', 'application/json; charset=utf-8').send(this.json);
  }

  @Get(ASYNCAPI_YAML_PATH)
  asyncapiYaml(@Res() reply: FastifyReply): void {
    void reply.header('content-type', 'application/yaml; charset=utf-8').send(this.yaml);
  }
}
