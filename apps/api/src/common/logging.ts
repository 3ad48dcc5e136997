import { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DestinationStream, Level, Logger, pino } from 'pino';

/**
 * Logging: one pino logger writing JSON lines, Nest's own log calls routed to it, and
 * one line per answered request. Written here rather than taken from nestjs-pino and
 * pino-http because those bind a child logger to every request through
 * AsyncLocalStorage, which on Node 20 puts a hook on every promise the API creates:
 * about 8 % of the card-move throughput (ADR 7). Errors still carry their request id
 * (the exception filter logs it), and so does every request line.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: ['headers.authorization', 'headers.cookie'] };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's logger interface on pino: the last optional parameter is the context (the class that logs). */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    if (rest.length > 0) fields['context'] = rest.pop();
    // Nest's own handlers call error(text, stack, context)
    const stack = rest.find((p): p is string => typeof p === 'string' && p.includes('\n    at '));
    const text = rest.filter((p) => p !== stack).map(String).join(' ') || undefined;
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, text ?? message.message);
    } else if (message !== null && typeof message === 'object') {
      this.pino[level]({ ...fields, ...message }, text);
    } else {
      if (stack) fields['stack'] = stack;
      this.pino[level](fields, [String(message), text].filter(Boolean).join(' '));
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export type IdentifiedRequest = Request & { id?: string };

/**
 * Gives every request an id, answered as `x-request-id` (a caller's well-formed id is
 * kept, so logs can be joined across services), and logs one line per answered
 * request at `info` (health checks excepted): method, path, status, milliseconds.
 */
export function requestLog(logger: Logger) {
  return (req: IdentifiedRequest, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    if (logger.isLevelEnabled('info') && req.url !== '/api/health') {
      const started = performance.now();
      const done = () => {
        res.off('finish', done).off('close', done);
        const fields = {
          reqId: id,
          method: req.method,
          // the path only: query strings may hold tokens (e.g. e-mail confirmation links)
          url: req.originalUrl.split('?')[0],
          status: res.writableFinished ? res.statusCode : undefined,
          ms: Math.round((performance.now() - started) * 10) / 10,
        };
        logger.info(fields, res.writableFinished ? 'request completed' : 'request aborted');
      };
      res.on('finish', done).on('close', done);
    }
    next();
  };
}
