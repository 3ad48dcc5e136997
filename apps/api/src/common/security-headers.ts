import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** helmet's headers with our content security policy: the web app loads only from its own origin. */
export const helmetWithPolicy = () =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });

type Middleware = (req: Request, res: Response, next: (err?: unknown) => void) => void;

/**
 * The headers a middleware sets, worked out once at start and then set on every
 * answer. For helmet with a fixed policy that is the same set of headers without its
 * dozen middlewares per request (about 3 % of the card-move throughput, ADR 7). Only
 * for middlewares whose headers do not depend on the request.
 */
export function fixedHeaders(middleware: Middleware): (req: Request, res: Response, next: NextFunction) => void {
  const headers: [string, string | string[]][] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      headers.push([name, typeof value === 'object' ? [...value] : String(value)]),
    removeHeader: () => undefined,
  };
  let failed: unknown;
  middleware({ headers: {}, method: 'GET', url: '/' } as Request, recorder as unknown as Response, (err) => (failed = err));
  if (failed) throw failed;
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** The security headers of every answer. */
export const securityHeaders = () => fixedHeaders(helmetWithPolicy());
