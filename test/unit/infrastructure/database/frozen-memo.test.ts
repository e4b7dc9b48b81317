import { FrozenMemo } from '../../../../src/infrastructure/database/frozen-memo';

describe('FrozenMemo (values that never change, kept per process)', () => {
  it('keeps the first value of a key, frozen all the way down, so that no reader can change what others read', () => {
    const memo = new FrozenMemo<{ days: { lines: number[] }[] }>(10);
    const value = { days: [{ lines: [1, 2] }] };
    memo.keep('a', value);
    memo.keep('a', { days: [] });
    expect(memo.get('a')).toBe(value);
    expect(Object.isFrozen(value) && Object.isFrozen(value.days) && Object.isFrozen(value.days[0]) && Object.isFrozen(value.days[0].lines)).toBe(true);
    expect(() => value.days[0].lines.push(3)).toThrow(TypeError);
  });

  it('forgets the oldest past its capacity', () => {
    const memo = new FrozenMemo<number>(2);
    memo.keep('a', 1);
    memo.keep('b', 2);
    memo.keep('c', 3);
    expect([memo.has('a'), memo.has('b'), memo.has('c')]).toEqual([false, true, true]);
  });
});
