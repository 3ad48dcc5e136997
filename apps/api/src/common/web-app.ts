import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { join } from 'node:path';

/** Paths the web app never answers: the API and socket.io keep their own 404s and errors. */
const NOT_WEB = /^\/(api|socket\.io)(\/|$)/;

/** Angular's output names (main-SII3ITLA.js, chunk-B-godGHo.js) change with their content. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css)$/;

const FILE_NAME = /\.[A-Za-z0-9]+$/;

/**
 * Serves the built web app: its files, and index.html for every other GET so deep
 * links work (the Angular router takes over); a missing file is a 404. Files whose names carry a content hash
 * are cached for a year; index.html and the translations are revalidated each time.
 *
 * Replaces @nestjs/serve-static, whose error handler turned every error on an API
 * route (a malformed JSON body, say) into a 404 once the web app was served, and whose
 * static handler looked on disk for every API GET.
 */
export function serveWebApp(dir: string): RequestHandler {
  const files = express.static(dir, {
    index: false,
    setHeaders: (res, path) => res.setHeader('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const index = join(dir, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_WEB.test(req.path)) return next();
    files(req, res, () => {
      // a missing file (an old chunk after a deployment, say) is a 404, not the app
      if (FILE_NAME.test(req.path)) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index, (err) => err && next(err));
    });
  };
}
