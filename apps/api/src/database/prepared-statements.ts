import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Statement texts and their names; bounded, so odd dynamic SQL cannot grow it without end. */
const names = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 5000;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED_STATEMENTS) {
    name = `allmende_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    names.set(text, name);
  }
  return name;
}

const plainQuery = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;

/**
 * A pg client that prepares every statement with parameters once per connection and
 * then only binds and executes it: PostgreSQL parses it once and, after a few runs,
 * keeps its plan. TypeORM sends everything unnamed, which re-parses and re-plans each
 * time; for the board's hot statements that was most of the database's work (ADR 7).
 * The name is a hash of the text, so the same text always reuses the same statement.
 * Statements without parameters (BEGIN, COMMIT, migrations) stay simple queries.
 */
export class PreparingClient extends Client {}

Object.defineProperty(PreparingClient.prototype, 'query', {
  value: function query(this: Client, config: unknown, values?: unknown, callback?: unknown) {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(config);
      if (name) return plainQuery.call(this, { name, text: config, values }, callback);
    }
    return plainQuery.call(this, config, values, callback);
  },
});
