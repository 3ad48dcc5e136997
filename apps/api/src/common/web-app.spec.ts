import express from 'express';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveWebApp } from './web-app';

describe('serveWebApp', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'web-app-'));
    writeFileSync(join(dir, 'index.html'), '<alm-root></alm-root>');
    writeFileSync(join(dir, 'main-SII3ITLA.js'), 'console.log(1)');
    mkdirSync(join(dir, 'i18n'));
    writeFileSync(join(dir, 'i18n', 'de.json'), '{}');
    const app = express();
    app.use(serveWebApp(dir));
    app.use(express.json());
    app.post('/api/things', (_req, res) => res.status(201).json({ ok: true }));
    // stands in for Nest's own answers to what nobody handled
    app.use((_req, res) => res.status(404).json({ code: 'NOT_FOUND' }));
    app.use((_err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => res.status(400).json({ code: 'BAD_REQUEST' }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers / and deep links with index.html, revalidated each time', async () => {
    for (const path of ['/', '/groups/42/board']) {
      const res = await fetch(url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<alm-root>');
    }
  });

  it('caches files with a content hash for a year, others not', async () => {
    const main = await fetch(`${url}/main-SII3ITLA.js`);
    expect(main.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const translations = await fetch(`${url}/i18n/de.json`);
    expect(translations.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404 instead of the app', async () => {
    expect((await fetch(`${url}/chunk-GONEGONE.js`)).status).toBe(404);
  });

  it('leaves the API alone: unknown API paths stay 404 and a malformed body stays 400', async () => {
    const unknown = await fetch(`${url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'NOT_FOUND' });
    const malformed = await fetch(`${url}/api/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"broken": ' });
    expect(malformed.status).toBe(400);
    expect((await fetch(`${url}/socket.io/`)).status).toBe(404);
  });
});
