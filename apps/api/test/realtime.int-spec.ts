import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@allmende/contracts';
import { io, Socket } from 'socket.io-client';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { api, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(url: string, token: string | undefined, extraHeaders: Record<string, string> = {}): ClientSocket {
  return io(url, {
    path: SOCKET_PATH,
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
    extraHeaders,
  });
}

function connectError(socket: ClientSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected although it should not')));
    socket.once('connect_error', (e) => resolve(e.message));
  });
}

describe('realtime: the authenticated socket.io namespace', () => {
  let t: TestApp;
  const sockets: ClientSocket[] = [];
  const open = (...args: Parameters<typeof connect>) => {
    const s = connect(...args);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.ds, 'allmende-demo');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it('refuses a handshake without a token', async () => {
    expect(await connectError(open(t.url, undefined))).toBe('AUTH_REQUIRED');
  });

  it('refuses a forged token', async () => {
    expect(await connectError(open(t.url, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'))).toBe('AUTH_INVALID');
  });

  it('refuses a browser from another site (Origin check)', async () => {
    const { token } = await login(t.url, 'member@allmende.example');
    const message = await connectError(open(t.url, token, { origin: 'https://evil.example' }));
    expect(message).toMatch(/websocket error|origin|xhr poll error/i);
  });

  it('accepts a valid token, knows who is connected, and closes the socket when the session ends', async () => {
    const session = await login(t.url, 'member@allmende.example');
    const socket = open(t.url, session.token, { origin: t.url });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const me = await socket.emitWithAck('session:whoami');
    const [row] = await t.ds.query(`SELECT id FROM person WHERE email = 'member@allmende.example'`);
    expect(me.personId).toBe(row.id);

    const ended = new Promise<string>((resolve) => socket.once('session:ended', (p) => resolve(p.reason)));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const res = await api(t.url, 'POST', '/api/auth/logout', { token: session.token, cookie: session.cookie });
    expect(res.status).toBe(204);
    expect(await ended).toBe('session_ended');
    expect(await disconnected).toBe('io server disconnect');

    // and the token no longer opens a socket
    expect(await connectError(open(t.url, session.token))).toBe('AUTH_INVALID');
  });
});
