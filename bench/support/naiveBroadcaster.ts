/**
 * The naive baseline for the stream fan-out bench, run as its own process: a bare Socket.io
 * server (same options as GridPulse's) that emits every created event to every connected socket
 * the moment it hears of it, one packet per event, no focus, no coalescing. The bench hands it
 * each acknowledged event (the 201 body's `event`) over the IPC channel.
 *
 * Protocol on IPC: it sends `{ port }` once listening; it takes `{ event }` (emit it now) and
 * `{ stop: true }` (close and exit).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

if (!process.send) throw new Error('naiveBroadcaster: run me with an IPC channel');
const http = createServer((_req, res) => res.writeHead(404).end());
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
let emitted = 0;
process.on('message', (m: { event?: unknown; stop?: boolean }) => {
  if (m.event !== undefined) {
    io.emit('event', m.event);
    emitted++;
  } else if (m.stop) {
    io.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  }
});
process.on('disconnect', () => process.exit(0)); // the bench went away: never linger
http.listen(0, '127.0.0.1', () => process.send!({ port: (http.address() as AddressInfo).port }));
setInterval(() => process.send!({ emitted, clients: io.engine.clientsCount }), 1000).unref();
