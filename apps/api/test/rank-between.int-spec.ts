import { Client } from 'pg';
import { keyBetween } from '../src/modules/boards/fractional-key';
import { createTestDatabase } from './support/test-database';

/** rank_between (PL/pgSQL, used by card moves) must answer exactly what keyBetween (TypeScript) answers. */
describe('rank_between in the database agrees with keyBetween', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const inDatabase = async (pairs: [string | null, string | null][]) => {
    const { rows } = await client.query<{ key: string }>(
      `SELECT rank_between(l, u) AS key FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(l, u, n) ORDER BY n`,
      [pairs.map(([l]) => l), pairs.map(([, u]) => u)],
    );
    return rows.map((r) => r.key);
  };

  it('on the edge cases', async () => {
    const pairs: [string | null, string | null][] = [
      [null, null], ['V', null], [null, 'V'], ['A', 'B'], ['A', 'Az'], ['z', null], ['zz', null], ['zzz1', null],
      [null, '01'], [null, '1'], ['V', 'V1'], ['Az', 'B'], ['0z', '1'], ['Vzzz', 'W'], ['a', 'b01'],
    ];
    expect(await inDatabase(pairs)).toEqual(pairs.map(([l, u]) => keyBetween(l, u)));
  });

  it('on thousands of neighbours from random insertions', async () => {
    let keys: string[] = [];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pairs: [string | null, string | null][] = [];
    for (let n = 0; n < 3000; n++) {
      const i = Math.floor(random() * (keys.length + 1));
      const pair: [string | null, string | null] = [keys[i - 1] ?? null, keys[i] ?? null];
      pairs.push(pair);
      // a jitter digit as the service appends, so the keys look like real ones
      const k = keyBetween(...pair) + '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 61)];
      keys = [...keys.slice(0, i), k, ...keys.slice(i)];
    }
    expect(await inDatabase(pairs)).toEqual(pairs.map(([l, u]) => keyBetween(l, u)));
  });

  it('refuses keys out of order and invalid digits, as keyBetween does', async () => {
    await expect(inDatabase([['B', 'A']])).rejects.toThrow(/out of order/);
    expect(() => keyBetween('B', 'A')).toThrow(/out of order/);
    await expect(inDatabase([['-', null]])).rejects.toThrow(/Invalid order key/);
    expect(() => keyBetween('-', null)).toThrow(/Invalid order key/);
  });
});
