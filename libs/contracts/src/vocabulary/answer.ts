import * as protobuf from 'protobufjs';
import { messageType } from './proto-root';
import { isOptional } from './rules';

/**
 * A message as the REST API answers it (the `answer` schema): every field present, and null where
 * the proto has no value — an `optional` field or a message field that is unset.
 */
export const toAnswer = <T = Record<string, unknown>>(fullName: string, message: unknown): T =>
  answerOf(messageType(fullName), message) as T;

const answerOf = (type: protobuf.Type, message: unknown): Record<string, unknown> => {
  const source = (message ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const value = source[field.name];
    const nested = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    if (field.repeated) {
      const items = Array.isArray(value) ? value : [];
      out[field.name] = nested ? items.map((v) => answerOf(nested, v)) : items;
    } else if (value === undefined || value === null) {
      out[field.name] = nested || isOptional(field) ? null : defaultOf(field);
    } else {
      out[field.name] = nested ? answerOf(nested, value) : value;
    }
  }
  return out;
};

const defaultOf = (field: protobuf.Field): unknown =>
  field.type === 'string' ? '' : field.type === 'bool' ? false : field.resolvedType ? '' : 0;
