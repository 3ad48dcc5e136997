/** class-transformer helpers shared by the DTOs (use with `@Transform`). */
type Input = { value: unknown };

/** Trims strings; other values pass unchanged (and then fail their own validation). */
export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);

/** Trims strings and turns an empty one into null, so optional fields can be cleared. */
export const emptyToNull = ({ value }: Input) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value);

/** Query-string booleans: 'true' / 'false'. */
export const toBool = ({ value }: Input) => (value === 'true' ? true : value === 'false' ? false : value);
