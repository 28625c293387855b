import { Capacity } from './capacity';

describe('Capacity', () => {
  it('admits up to its limit, refuses the next at once, and admits again once one is released', () => {
    const capacity = new Capacity('http', 2);
    const first = capacity.admit();
    const second = capacity.admit();
    expect([typeof first, typeof second]).toEqual(['function', 'function']);
    expect(capacity.admit()).toBeUndefined();
    expect(capacity.used).toBe(2);
    first!();
    expect(capacity.used).toBe(1);
    expect(capacity.admit()).toEqual(expect.any(Function));
  });

  it('counts a release once however often it is called', () => {
    const capacity = new Capacity('grpc', 1);
    const release = capacity.admit()!;
    release();
    release();
    expect(capacity.used).toBe(0);
    expect(capacity.admit()).toEqual(expect.any(Function));
    expect(capacity.admit()).toBeUndefined();
  });
});
