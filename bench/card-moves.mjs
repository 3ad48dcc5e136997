// Boards issue: card moves (HTTP write + commit + broadcast to 50 viewers) >= 500 per second
// on this machine, and the ratio to raw `pg` UPDATEs of the same rows in the same run.
import pg from 'pg';
import { io } from 'socket.io-client';
import { freshDatabase, login, send, startApi } from './lib.mjs';

const CARDS = 200;
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 50);
const MOVES = Number(process.env.BENCH_MOVES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const STAGES = ['idea', 'measure', 'lab', 'project', 'permanent', 'stopped'];

const db = await freshDatabase();
let api;
const sockets = [];
try {
  api = await startApi(db.url);
  const office = await login(api.url, 'office@allmende.example');
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${office}` };
  const boards = await (await fetch(`${api.url}/api/boards`, { headers })).json();
  const board = boards.find((b) => b.kind === 'group');

  const cards = [];
  for (let i = 0; i < CARDS; i++) {
    const res = await fetch(`${api.url}/api/boards/${board.id}/cards`, { method: 'POST', headers, body: JSON.stringify({ title: `Karte ${i}`, stage: STAGES[i % 6] }) });
    const card = await res.json();
    cards.push({ id: card.id, version: card.version });
  }

  // 50 viewers in the board's room, each keeping the newest version it saw of every card
  const seen = [];
  await Promise.all(
    Array.from({ length: VIEWERS }, (_, i) =>
      new Promise((resolve, reject) => {
        const s = io(api.url, { path: '/socket.io', auth: { token: office }, transports: ['websocket'], reconnection: false });
        sockets.push(s);
        seen[i] = new Map();
        s.on('board:changes', (p) => {
          for (const c of p.cards) if ((seen[i].get(c.id) ?? 0) < c.version) seen[i].set(c.id, c.version);
        });
        s.once('connect_error', reject);
        s.once('connect', async () => {
          const ack = await s.emitWithAck('board:join', board.id);
          ack.ok ? resolve() : reject(new Error(ack.error));
        });
      }),
    ),
  );

  // movers: each worker owns every CONCURRENCY-th card, so its versions are always current
  let failures = 0;
  const moveOnce = async (card, n) => {
    const res = await send(`${api.url}/api/cards/${card.id}/move`, 'POST', office, { stage: STAGES[n % 6], version: card.version });
    if (res.status !== 200) {
      failures++;
      if (failures <= 3) console.error(`move failed: ${res.status} ${JSON.stringify(res.body)}`);
    } else card.version = res.body.version;
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      const mine = cards.filter((_, i) => i % CONCURRENCY === w);
      let k = 0;
      for (let n = w; n < MOVES; n += CONCURRENCY) await moveOnce(mine[k++ % mine.length], n);
    }),
  );
  const elapsed = performance.now() - started;
  const httpRate = (MOVES / elapsed) * 1000;

  // every viewer must end with every card's final version
  const deadline = Date.now() + 5000;
  const behind = () => seen.reduce((n, m) => n + cards.filter((c) => (m.get(c.id) ?? 1) < c.version).length, 0);
  while (behind() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const lagging = behind();

  // the same number of raw UPDATEs of the same rows, with the same concurrency
  const pool = new pg.Pool({ connectionString: db.url, max: CONCURRENCY });
  const rawStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let n = w; n < MOVES; n += CONCURRENCY) {
        const card = cards[n % CARDS];
        await pool.query(`UPDATE card SET version = version + 1, updated_at = now() WHERE id = $1`, [card.id]);
      }
    }),
  );
  const rawRate = (MOVES / (performance.now() - rawStarted)) * 1000;
  await pool.end();

  console.log(`card moves: ${MOVES} moves of ${CARDS} cards by ${CONCURRENCY} concurrent clients, ${VIEWERS} viewers in the board room`);
  console.log(`HTTP move + commit + broadcast: ${httpRate.toFixed(0)} moves/s (${elapsed.toFixed(0)} ms), failed: ${failures}, viewer-card pairs behind at the end: ${lagging}`);
  console.log(`raw pg UPDATE of the same rows: ${rawRate.toFixed(0)} updates/s; ratio HTTP/raw = ${(httpRate / rawRate).toFixed(3)} (raw is ${(rawRate / httpRate).toFixed(1)}× faster)`);
  const ok = httpRate >= 500 && failures === 0 && lagging === 0;
  console.log(`target (>= 500 moves/s, all seen by every viewer): ${ok ? 'met' : 'MISSED'}`);
  if (!ok) process.exitCode = 1;
} finally {
  sockets.forEach((s) => s.close());
  await api?.stop();
  await db.stop();
}
