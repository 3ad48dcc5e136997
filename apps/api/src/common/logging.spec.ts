import { Logger } from '@nestjs/common';
import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { Writable } from 'node:stream';
import { createLogger, NestPinoLogger, requestLog } from './logging';

/** A pino logger whose lines land in `lines`, parsed. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l)));
      done();
    },
  });
  return { lines, logger: createLogger(level, stream) };
}

describe('NestPinoLogger', () => {
  afterEach(() => Logger.overrideLogger(true));

  it('writes Nest log calls as JSON lines with the logging class as context', () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(new NestPinoLogger(logger));
    new Logger('Mail').log('Sent 3 messages');
    new Logger('Errors').error({ requestId: 'r-1', reason: 'x' }, 'Unhandled error');
    new Logger('Boards').debug('not at info');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Mail', msg: 'Sent 3 messages' }),
      expect.objectContaining({ level: 50, context: 'Errors', requestId: 'r-1', reason: 'x', msg: 'Unhandled error' }),
    ]);
  });

  it("keeps an error's stack, whether passed as an Error or as Nest's (text, stack, context)", () => {
    const { lines, logger } = capture();
    const nest = new NestPinoLogger(logger);
    nest.error(new Error('boom'), 'Realtime');
    nest.error('failed to start', 'Error: x\n    at main (main.js:1:1)', 'NestApplication');
    expect(lines[0]).toMatchObject({ context: 'Realtime', msg: 'boom', err: { message: 'boom', stack: expect.stringContaining('Error: boom') } });
    expect(lines[1]).toMatchObject({ context: 'NestApplication', msg: 'failed to start', stack: expect.stringContaining('at main') });
  });
});

describe('requestLog', () => {
  let server: Server;
  let url: string;
  let lines: Record<string, unknown>[];

  async function start(level: string) {
    const captured = capture(level);
    lines = captured.lines;
    const app = express();
    app.use(requestLog(captured.logger));
    app.get('/api/health', (_req, res) => res.json({ ok: true }));
    app.get('/api/things', (req, res) => res.status(201).json({ id: (req as { id?: string }).id }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  afterEach(() => new Promise((resolve) => server.close(resolve)));
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it("keeps a caller's well-formed request id and logs one line per request, without the query string", async () => {
    await start('info');
    const res = await fetch(`${url}/api/things?token=secret`, { headers: { 'x-request-id': 'gateway-42', authorization: 'Bearer t' } });
    expect(res.headers.get('x-request-id')).toBe('gateway-42');
    expect(await res.json()).toEqual({ id: 'gateway-42' });
    await settle();
    expect(lines).toEqual([expect.objectContaining({ reqId: 'gateway-42', method: 'GET', url: '/api/things', status: 201, msg: 'request completed' })]);
    expect(JSON.stringify(lines)).not.toMatch(/secret|Bearer/);
  });

  it('replaces a malformed request id with a new one and leaves health checks out of the log', async () => {
    await start('info');
    const res = await fetch(`${url}/api/things`, { headers: { 'x-request-id': 'not ok; <script>' } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${url}/api/health`);
    await settle();
    expect(lines.map((l) => l['reqId'])).toEqual([id]);
  });

  it('still gives ids but writes nothing above info', async () => {
    await start('warn');
    const res = await fetch(`${url}/api/things`);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    await settle();
    expect(lines).toEqual([]);
  });
});
