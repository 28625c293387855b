import { DomainError } from '../errors/domain.error';
import type { JsonLimits } from './edge.config';

// Keys that would replace or reach an object's prototype once the body is copied or merged
// (prototype pollution); JSON.parse keeps them as ordinary keys, so they are refused outright.
const isForbiddenKey = (key: string, value: unknown): boolean =>
  key === '__proto__' ||
  (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype'));

const refuse = (detail: string, field: string): DomainError =>
  new DomainError('validation', detail, { errors: [{ field, message: detail }] });

// Where in the body a problem is, as a JSONPath ($.members[2].name); built only when one is refused.
interface Place {
  parent?: Place;
  key?: string | number;
}

const pathOf = (place: Place): string => {
  const keys: (string | number)[] = [];
  for (let p: Place | undefined = place; p?.key !== undefined; p = p.parent) keys.unshift(p.key);
  return keys.reduce<string>(
    (path, key) =>
      typeof key === 'number'
        ? `${path}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `${path}.${key}`
          : `${path}[${JSON.stringify(key)}]`,
    '$',
  );
};

// The body as JSON, within the limits: nesting depth, array lengths, no prototype keys. The walk is
// iterative, so no input can exhaust the stack here, and the limits mean no later recursive code
// (request hashing, class-transformer) meets a body deeper than maxDepth. An empty body is no body.
export const parseJsonBody = (text: string, limits: JsonLimits): unknown => {
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw refuse(`The body is not valid JSON: ${(error as Error).message}`, 'body');
  }
  const pending: { value: unknown; depth: number; place: Place }[] = [{ value: body, depth: 1, place: {} }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth, place } = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) {
      throw refuse(`The JSON body is nested deeper than ${limits.maxDepth} levels`, pathOf(place));
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        throw refuse(`An array of the JSON body has more than ${limits.maxArrayLength} items`, pathOf(place));
      }
      value.forEach((item, key) => pending.push({ value: item, depth: depth + 1, place: { parent: place, key } }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (isForbiddenKey(key, item)) {
        const name = key === '__proto__' ? '__proto__' : 'constructor.prototype';
        throw refuse(`The key ${name} is not allowed in a JSON body`, pathOf({ parent: place, key }));
      }
      pending.push({ value: item, depth: depth + 1, place: { parent: place, key } });
    }
  }
  return body;
};
