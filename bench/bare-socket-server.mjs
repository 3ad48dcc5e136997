// A bare socket.io server for the discussion benchmark's baseline: every client joins one
// room; POST /broadcast sends the request body to the room as one event. No auth, no database.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') return res.writeHead(404).end();
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    io.to('room').emit('thread:message', JSON.parse(body));
    res.writeHead(201).end();
  });
});
const io = new Server(http, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => socket.join('room'));
http.listen(0, '127.0.0.1', () => process.send?.({ port: http.address().port }));
