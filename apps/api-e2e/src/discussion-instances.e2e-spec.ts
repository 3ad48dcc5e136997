import { ApiProcess, startApi } from '@allmende/e2e-support';
import { SOCKET_PATH, type AccessTokenResponse, type ClientToServerEvents, type MessageDto, type ServerToClientEvents, type ThreadDto } from '@allmende/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
// Redis runs on every developer and CI machine; REDIS_URL points elsewhere when needed
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'allmende-demo' }),
  });
  return ((await res.json()) as AccessTokenResponse).accessToken;
}

describe('discussion across two API instances (one PostgreSQL, one Redis)', () => {
  let first: ApiProcess;
  let second: ApiProcess;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    const shared = { REDIS_URL, JWT_SECRET: randomBytes(32).toString('hex') };
    first = await startApi({ env: shared });
    second = await startApi({ env: { ...shared, DATABASE_URL: first.embeddedDatabaseUrl() } });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await second?.stop();
    await first?.stop();
  });

  async function connect(url: string, token: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(url, { path: SOCKET_PATH, auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('a message posted on one instance reaches a client connected to the other; an ended session loses its sockets everywhere', async () => {
    const lead = await login(first.url, 'member@allmende.example');
    const groups = (await (await fetch(`${first.url}/api/working-groups?mine=true`, { headers: { authorization: `Bearer ${lead}` } })).json()) as {
      items: { id: string; name: string }[];
    };
    const group = groups.items.find((g) => g.name === 'Digitale Werkstatt Handwerk')!;
    const created = await fetch(`${first.url}/api/threads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead}` },
      body: JSON.stringify({ subjectType: 'group', subjectId: group.id, title: 'Zwei Instanzen', body: 'Hallo', clientId: randomUUID() }),
    });
    const { thread } = (await created.json()) as { thread: ThreadDto };

    // a reader connected to the second instance
    const readerToken = await login(second.url, 'brinkmann@demo.allmende.example');
    const reader = await connect(second.url, readerToken);
    expect((await reader.emitWithAck('thread:join', { threadId: thread.id })).ok).toBe(true);
    const arrived = new Promise<MessageDto>((resolve) => reader.on('thread:message', resolve));
    const started = Date.now();
    const posted = await fetch(`${first.url}/api/threads/${thread.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead}` },
      body: JSON.stringify({ clientId: randomUUID(), body: 'Gepostet auf Instanz eins' }),
    });
    expect(posted.status).toBe(201);
    const message = await arrived;
    expect(message.body).toBe('Gepostet auf Instanz eins');
    expect(Date.now() - started).toBeLessThan(1000);

    // and the other way round, posted over a socket on the second instance
    const writer = await connect(first.url, lead);
    expect((await writer.emitWithAck('thread:join', { threadId: thread.id })).ok).toBe(true);
    const back = new Promise<MessageDto>((resolve) => writer.on('thread:message', (m) => m.body === 'Antwort von Instanz zwei' && resolve(m)));
    const ack = await reader.emitWithAck('thread:post', { threadId: thread.id, clientId: randomUUID(), body: 'Antwort von Instanz zwei' });
    expect(ack.ok).toBe(true);
    await back;

    // logging out on the first instance closes the reader's socket on the second
    const ended = new Promise<string>((resolve) => reader.on('session:ended', (p) => resolve(p.reason)));
    const disconnected = new Promise<void>((resolve) => reader.on('disconnect', () => resolve()));
    const logout = await fetch(`${first.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${readerToken}` } });
    expect(logout.status).toBe(204);
    await ended;
    await disconnected;
  });
});
