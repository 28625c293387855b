import type { OpenApiDocument } from './openapi.document';

// Filled in by bootstrap before the app listens; the docs controller serves it.
export class OpenApiDocumentHolder {
  document: OpenApiDocument | undefined;
}
