import { canonicalJson, commandRequestId, isValidIdempotencyKey, requestHash } from './request-hash';

describe('request hash', () => {
  const base = { method: 'POST', path: '/api/v1/missions', body: { name: 'E', address: { city: 'W', state: 'DC' } } };

  it('is the same for the same JSON in another key order', () => {
    expect(requestHash(base)).toBe(requestHash({ ...base, body: { address: { state: 'DC', city: 'W' }, name: 'E' } }));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('differs with the body, the path, the method or If-Match', () => {
    const h = requestHash(base);
    expect(requestHash({ ...base, body: { ...base.body, name: 'F' } })).not.toBe(h);
    expect(requestHash({ ...base, path: '/api/v1/members' })).not.toBe(h);
    expect(requestHash({ ...base, method: 'PUT' })).not.toBe(h);
    expect(requestHash({ ...base, ifMatch: '"2"' })).not.toBe(h);
  });

  it('keeps array order significant', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});

describe('commandRequestId', () => {
  const keyed = { subject: 'alice', method: 'POST', path: '/api/v1/missions', key: 'k-1' };

  it('is the same for the same caller, route and key, and a valid request id', () => {
    expect(commandRequestId({ ...keyed })).toBe(commandRequestId(keyed));
    expect(commandRequestId({ ...keyed, method: 'post' })).toBe(commandRequestId(keyed));
    expect(commandRequestId(keyed)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs with the caller, the route or the key, and cannot be forged across fields', () => {
    const id = commandRequestId(keyed);
    expect(commandRequestId({ ...keyed, subject: 'bob' })).not.toBe(id);
    expect(commandRequestId({ ...keyed, path: '/api/v1/members' })).not.toBe(id);
    expect(commandRequestId({ ...keyed, key: 'k-2' })).not.toBe(id);
    expect(commandRequestId({ ...keyed, subject: 'a', key: 'lice k-1' })).not.toBe(
      commandRequestId({ ...keyed, subject: 'a lice', key: 'k-1' }),
    );
  });
});

describe('isValidIdempotencyKey', () => {
  it.each(['a', 'seed-mission-Q42', '8e0f3c1a-2b4d-4e6f-8a1b-3c5d7e9f1a2b', 'x'.repeat(255), 'with inner space'])(
    'accepts %j',
    (key) => {
      expect(isValidIdempotencyKey(key)).toBe(true);
    },
  );

  it.each(['', ' a', 'a ', 'x'.repeat(256), 'tab\there', 'é'])('refuses %j', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });
});
