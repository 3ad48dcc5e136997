/** Dots per option id, as POST /api/polls/:id/dots takes them. */
export type Dots = Readonly<Record<string, number>>;

/** Dots given in total. */
export function dotsUsed(dots: Dots): number {
  return Object.values(dots).reduce((sum, n) => sum + (Number.isInteger(n) && n > 0 ? n : 0), 0);
}

/** Dots still free to give (never below 0). */
export function dotsLeft(dots: Dots, dotsPerPerson: number): number {
  return Math.max(0, dotsPerPerson - dotsUsed(dots));
}

/** One more dot on an option; unchanged when none is left. */
export function addDot(dots: Dots, optionId: string, dotsPerPerson: number): Dots {
  if (dotsLeft(dots, dotsPerPerson) <= 0) return dots;
  return { ...dots, [optionId]: (dots[optionId] ?? 0) + 1 };
}

/** One dot less on an option; unchanged when it has none. */
export function removeDot(dots: Dots, optionId: string): Dots {
  const current = dots[optionId] ?? 0;
  if (current <= 0) return dots;
  const next = { ...dots };
  if (current === 1) delete next[optionId];
  else next[optionId] = current - 1;
  return next;
}

/**
 * My earlier dots as the API returned them, limited to the options that exist and to
 * `dotsPerPerson` (defensive: the form must never start above the limit).
 */
export function normaliseDots(dots: Dots, optionIds: readonly string[], dotsPerPerson: number): Dots {
  const result: Record<string, number> = {};
  let left = dotsPerPerson;
  for (const id of optionIds) {
    const n = Math.min(left, Math.max(0, Math.floor(dots[id] ?? 0)));
    if (n > 0) {
      result[id] = n;
      left -= n;
    }
  }
  return result;
}

/** Same dots on the same options (order and zero entries do not matter). */
export function sameDots(a: Dots, b: Dots): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}
