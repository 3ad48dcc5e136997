import express from 'express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { fixedHeaders, helmetWithPolicy, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.disable('x-powered-by');
    app.get('/helmet', helmetWithPolicy(), (_req, res) => res.json({}));
    app.get('/fixed', securityHeaders(), (_req, res) => res.json({}));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const headersOf = async (path: string) => {
    const res = await fetch(url + path);
    const all = Object.fromEntries(res.headers.entries());
    delete all['date'];
    return all;
  };

  it("sets exactly the headers helmet sets, with our content security policy", async () => {
    const fixed = await headersOf('/fixed');
    expect(fixed).toEqual(await headersOf('/helmet'));
    expect(fixed['content-security-policy']).toContain("default-src 'self'");
    expect(fixed['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(fixed['x-content-type-options']).toBe('nosniff');
    expect(fixed['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('refuses a middleware that fails', () => {
    expect(() => fixedHeaders((_req, _res, next) => next(new Error('bad policy')))).toThrow('bad policy');
  });
});
