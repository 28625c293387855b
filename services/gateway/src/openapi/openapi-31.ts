// @nestjs/swagger writes schemas the OpenAPI 3.0 way (`nullable: true`), which 3.1 (JSON Schema
// 2020-12) dropped: a nullable value is a type list with "null", or a choice with {type: 'null'}.
export const toOpenApi31Schemas = <T>(node: T): T => {
  if (Array.isArray(node)) return node.map((item) => toOpenApi31Schemas(item)) as T;
  if (node === null || typeof node !== 'object') return node;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>))
    converted[key] = toOpenApi31Schemas(value);
  if (converted.nullable !== true) return converted as T;
  delete converted.nullable;
  const { description, ...schema } = converted;
  if (typeof schema.type === 'string' && !schema.allOf && !schema.$ref) {
    const nullable: Record<string, unknown> = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) nullable.enum = [...schema.enum, null];
    return (description === undefined ? nullable : { description, ...nullable }) as T;
  }
  // A reference (allOf/$ref) cannot take a type list: offer it or null.
  if (schema.type === 'object' && Array.isArray(schema.allOf) && schema.allOf.length === 1) delete schema.type;
  const choice = {
    anyOf: [
      Array.isArray(schema.allOf) && schema.allOf.length === 1 && Object.keys(schema).length === 1
        ? schema.allOf[0]
        : schema,
      { type: 'null' },
    ],
  };
  return (description === undefined ? choice : { description, ...choice }) as T;
};
