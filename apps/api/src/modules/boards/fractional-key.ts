/**
 * Fractional order keys: strings over base-62 digits, compared byte by byte
 * (PostgreSQL `COLLATE "C"`, JavaScript `<`). Between any two keys there is
 * another, so moving a card rewrites only that card. Keys never end in '0',
 * which keeps "between" always possible. Appending a non-zero digit to a key
 * returned here keeps it between the same neighbours (callers add one as jitter).
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

const digit = (key: string, i: number): number => {
  if (i >= key.length) return 0;
  const d = DIGITS.indexOf(key[i]);
  if (d < 0) throw new Error(`Invalid order key ${JSON.stringify(key)}`);
  return d;
};

/**
 * A key after `lower` with no upper bound: the next digit up, so appending at the end
 * of a column (the usual move) grows keys by one character only every 61 appends.
 */
function after(lower: string, from: number): string {
  let out = '';
  for (let i = from; ; i++) {
    const d = digit(lower, i);
    if (i >= lower.length || d < BASE - 1) return out + DIGITS[d + 1];
    out += DIGITS[d];
  }
}

/** A key strictly between `lower` and `upper`; null means open-ended on that side. */
export function keyBetween(lower: string | null, upper: string | null): string {
  const a = lower ?? '';
  if (upper === null) return lower === null ? DIGITS[BASE / 2] : after(a, 0);
  if (a >= upper) throw new Error(`Order keys out of order: ${JSON.stringify(a)} ≥ ${JSON.stringify(upper)}`);
  let prefix = '';
  for (let i = 0; ; i++) {
    const da = digit(a, i);
    const db = i < upper.length ? digit(upper, i) : 0;
    if (da === db) {
      prefix += DIGITS[da];
      continue;
    }
    // between two keys: the middle; before the first key: the next digit down (prepending stays short)
    if (db - da > 1) return prefix + DIGITS[lower === null ? db - 1 : Math.floor((da + db) / 2)];
    // adjacent digits: keep a's digit and go above the rest of a (before the first key: as high as possible)
    return prefix + DIGITS[da] + (lower === null ? DIGITS[BASE - 1] : after(a, i + 1));
  }
}
