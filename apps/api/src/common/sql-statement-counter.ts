import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as TypeOrmLogger } from 'typeorm';

const requestScope = new AsyncLocalStorage<{ statements: number }>();

export const SQL_STATEMENTS_HEADER = 'x-sql-statements';

/**
 * Counts the SQL statements each HTTP request issues and reports them in a
 * response header. Switched on by SQL_STATEMENT_HEADER (benchmarks, diagnosis).
 */
export function countSqlStatements(req: Request, res: Response, next: NextFunction): void {
  const scope = { statements: 0 };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    if (!res.headersSent) res.setHeader(SQL_STATEMENTS_HEADER, String(scope.statements));
    return writeHead(...args);
  }) as Response['writeHead'];
  requestScope.run(scope, next);
}

/** A TypeORM logger that prints nothing and counts statements for the current request. */
export class StatementCountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const scope = requestScope.getStore();
    if (scope) scope.statements++;
  }
  logQueryError(): void {
    this.logQuery();
  }
  logQuerySlow(): void {
    /* counted by logQuery */
  }
  logSchemaBuild(): void {
    /* not a request statement */
  }
  logMigration(): void {
    /* not a request statement */
  }
  log(): void {
    /* nothing to print */
  }
}
