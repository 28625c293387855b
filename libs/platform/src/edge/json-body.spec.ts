import { DomainError } from '../errors/domain.error';
import { parseJsonBody } from './json-body';

const limits = { maxDepth: 32, maxArrayLength: 1000 };

const refusal = (text: string): DomainError => {
  try {
    parseJsonBody(text, limits);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`accepted ${text.slice(0, 40)}`);
};

describe('parseJsonBody', () => {
  it('parses a body within the limits, nested exactly to the limit', () => {
    expect(parseJsonBody('{"givenName":"Marie","tags":[1,2,{"a":null}]}', limits)).toEqual({
      givenName: 'Marie',
      tags: [1, 2, { a: null }],
    });
    const deepest = `${'['.repeat(32)}${']'.repeat(32)}`;
    expect(parseJsonBody(deepest, limits)).toBeInstanceOf(Array);
  });

  it('takes an empty body as no body', () => {
    expect(parseJsonBody('', limits)).toBeUndefined();
    expect(parseJsonBody('  \n', limits)).toBeUndefined();
  });

  it('refuses JSON nested 2,000 levels deep with a 400 naming the limit, without exhausting the stack', () => {
    const error = refusal(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe('validation');
    expect(error.detail).toBe('The JSON body is nested deeper than 32 levels');
    expect(error.errors?.[0]?.field).toBe(`$${'.a'.repeat(32)}`);
    expect(refusal(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).detail).toMatch(/deeper than 32/);
  });

  it('refuses an array longer than the limit, naming where it is', () => {
    const error = refusal(JSON.stringify({ members: [{ ids: Array.from({ length: 1001 }, (_, i) => i) }] }));
    expect(error.detail).toBe('An array of the JSON body has more than 1000 items');
    expect(error.errors).toEqual([{ field: '$.members[0].ids', message: error.detail }]);
  });

  it('refuses __proto__ and constructor.prototype keys as not allowed, at any depth', () => {
    expect(refusal('{"__proto__":{"isAdmin":true}}').detail).toBe('The key __proto__ is not allowed in a JSON body');
    const nested = refusal('{"address":{"constructor":{"prototype":{"x":1}}}}');
    expect(nested.detail).toBe('The key constructor.prototype is not allowed in a JSON body');
    expect(nested.errors?.[0]?.field).toBe('$.address.constructor');
    // A plain "constructor" value is data, not a prototype.
    expect(parseJsonBody('{"constructor":"Acme Builders"}', limits)).toEqual({ constructor: 'Acme Builders' });
  });

  it('says a body that is not JSON is not valid JSON', () => {
    const error = refusal('{"a":');
    expect(error.detail).toMatch(/^The body is not valid JSON: /);
    expect(error.errors?.[0]?.field).toBe('body');
  });

  it('names keys that are not identifiers in brackets', () => {
    const error = refusal(JSON.stringify({ 'a b': [[[1]]] }).replace('[[[1]]]', JSON.stringify(Array(1001).fill(0))));
    expect(error.errors?.[0]?.field).toBe('$["a b"]');
  });
});
