import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fractional order key of boards (modules/boards/fractional-key.ts) in PL/pgSQL, so
 * a card move can compute its new key in the same statement that writes it (ADR 7).
 * Same digits, same answers: test/rank-between.int-spec.ts compares both on thousands
 * of pairs.
 */
export class RankBetween1765100000000 implements MigrationInterface {
  name = 'RankBetween1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // the digit of `key` at position `i` (0-based); past the end: 0
    await q.query(`
      CREATE FUNCTION rank_digit(key text, i int) RETURNS int LANGUAGE plpgsql IMMUTABLE STRICT AS $$
      DECLARE d int;
      BEGIN
        IF i >= length(key) THEN RETURN 0; END IF;
        d := strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', substr(key, i + 1, 1)) - 1;
        IF d < 0 THEN RAISE EXCEPTION 'Invalid order key %', key; END IF;
        RETURN d;
      END $$`);
    // a key after `lower` (from position `start` on) with no upper bound: the next digit up
    await q.query(`
      CREATE FUNCTION rank_after(lower text, start int) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
      DECLARE
        digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
        out text := '';
        i int := start;
        d int;
      BEGIN
        LOOP
          d := rank_digit(lower, i);
          IF i >= length(lower) OR d < 61 THEN RETURN out || substr(digits, d + 2, 1); END IF;
          out := out || substr(digits, d + 1, 1);
          i := i + 1;
        END LOOP;
      END $$`);
    // a key strictly between `lower` and `upper`; null is open-ended on that side
    await q.query(`
      CREATE FUNCTION rank_between(lower text, upper text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
        a text := coalesce(lower, '');
        prefix text := '';
        i int := 0;
        da int;
        db int;
      BEGIN
        IF upper IS NULL THEN
          IF lower IS NULL THEN RETURN 'V'; END IF;
          RETURN rank_after(a, 0);
        END IF;
        IF a COLLATE "C" >= upper COLLATE "C" THEN RAISE EXCEPTION 'Order keys out of order: % >= %', a, upper; END IF;
        LOOP
          da := rank_digit(a, i);
          db := rank_digit(upper, i);
          IF da = db THEN
            prefix := prefix || substr(digits, da + 1, 1);
            i := i + 1;
            CONTINUE;
          END IF;
          IF db - da > 1 THEN
            RETURN prefix || substr(digits, CASE WHEN lower IS NULL THEN db - 1 ELSE (da + db) / 2 END + 1, 1);
          END IF;
          RETURN prefix || substr(digits, da + 1, 1) || CASE WHEN lower IS NULL THEN 'z' ELSE rank_after(a, i + 1) END;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rank_between(text, text)`);
    await q.query(`DROP FUNCTION rank_after(text, int)`);
    await q.query(`DROP FUNCTION rank_digit(text, int)`);
  }
}
