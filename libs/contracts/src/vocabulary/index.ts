export { protoRoot, messageType } from './proto-root';
export { messageSchema, UUID_PATTERN, type JsonSchema, type SchemaMode, type SchemaOptions } from './json-schema';
export { normalized, requestSchema, requestViolations, violationsOf, type FieldViolation } from './validate';
export { toAnswer } from './answer';
