import { keyBetween } from './fractional-key';

describe('keyBetween', () => {
  it('starts in the middle and appends, prepends and inserts in order', () => {
    const first = keyBetween(null, null);
    expect(first).toBe('V');
    const next = keyBetween(first, null);
    const before = keyBetween(null, first);
    const middle = keyBetween(first, next);
    expect([before, first, middle, next]).toEqual([before, first, middle, next].slice().sort());
    expect(new Set([before, first, middle, next]).size).toBe(4);
  });

  it('handles adjacent digits, prefixes and the top digit', () => {
    for (const [a, b] of [['A', 'B'], ['A', 'Az'], ['z', null], ['zz', null], [null, '01'], [null, '1'], ['V', 'V1'], ['Az', 'B']] as [string | null, string | null][]) {
      const k = keyBetween(a, b);
      if (a !== null) expect(a < k).toBe(true);
      if (b !== null) expect(k < b).toBe(true);
      expect(k.endsWith('0')).toBe(false);
    }
  });

  it('keeps order through many random insertions', () => {
    let keys: string[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const i = Math.floor(random() * (keys.length + 1));
      const k = keyBetween(keys[i - 1] ?? null, keys[i] ?? null);
      keys = [...keys.slice(0, i), k, ...keys.slice(i)];
    }
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    // repeated insertion at one place grows keys slowly
    let low = 'V';
    const high = 'W';
    for (let n = 0; n < 100; n++) low = keyBetween(low, high);
    expect(low.length).toBeLessThan(110);
    // appending and prepending (moves to the end or the top of a column) stay short
    let last = keyBetween(null, null);
    let first = last;
    for (let n = 0; n < 1000; n++) {
      last = keyBetween(last, null);
      first = keyBetween(null, first);
    }
    expect(last.length).toBeLessThanOrEqual(18);
    expect(first.length).toBeLessThanOrEqual(40);
  });

  it('refuses keys out of order', () => {
    expect(() => keyBetween('B', 'A')).toThrow();
    expect(() => keyBetween('A', 'A')).toThrow();
  });
});

describe('keyBetween with a jitter digit', () => {
  it('stays between the same neighbours', () => {
    for (const [a, b] of [['A', 'B'], ['V', null], [null, 'V'], ['A', 'A1'], ['z', null], [null, '1']] as [string | null, string | null][]) {
      for (const digit of ['1', 'V', 'z']) {
        const k = keyBetween(a, b) + digit;
        if (a !== null) expect(a < k).toBe(true);
        if (b !== null) expect(k < b).toBe(true);
      }
    }
  });
});
