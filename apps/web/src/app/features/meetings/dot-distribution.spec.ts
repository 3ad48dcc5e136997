import { addDot, dotsLeft, dotsUsed, normaliseDots, removeDot, sameDots } from './dot-distribution';

describe('dot distribution', () => {
  it('adds dots until none is left, then refuses', () => {
    let dots = {};
    for (let i = 0; i < 10; i++) dots = addDot(dots, i % 2 ? 'b' : 'a', 3);
    expect(dotsUsed(dots)).toBe(3);
    expect(dotsLeft(dots, 3)).toBe(0);
    expect(dots).toEqual({ a: 2, b: 1 });
  });

  it('takes dots back down to zero, never below', () => {
    let dots = addDot(addDot({}, 'a', 3), 'a', 3);
    dots = removeDot(dots, 'a');
    expect(dots).toEqual({ a: 1 });
    dots = removeDot(removeDot(dots, 'a'), 'a');
    expect(dots).toEqual({});
    expect(dotsLeft(dots, 3)).toBe(3);
  });

  it('starts from my stored dots, cut to the options and the limit', () => {
    expect(normaliseDots({ a: 2, gone: 5, b: 4 }, ['a', 'b'], 3)).toEqual({ a: 2, b: 1 });
    expect(normaliseDots({ a: -1, b: 1.7 }, ['a', 'b'], 3)).toEqual({ b: 1 });
  });

  it('compares distributions regardless of order and zero entries', () => {
    expect(sameDots({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameDots({ a: 1, c: 0 }, { a: 1 })).toBe(true);
    expect(sameDots({ a: 1 }, { a: 2 })).toBe(false);
  });
});
