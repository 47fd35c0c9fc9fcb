import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * A light screen: Socket.io v5 protocol over Engine.io v4 over a raw WebSocket on a plain TCP
 * socket, written for load. socket.io-client costs several microseconds per packet (frame →
 * engine packet → socket.io packet → JSON.parse → emit); 500 of them receiving a naive
 * broadcast of 1,000 events/s is 500,000 packets/s, more than this machine's load generator
 * has. This client walks WebSocket frame headers, counts bytes, answers pings and, only when
 * asked, scans a frame's bytes for event ids without parsing the JSON.
 *
 * What it counts:
 *  - `payloadBytes`: WebSocket payload bytes received (one Engine.io packet per frame, e.g.
 *    `42["focus:delta",{…}]`), i.e. the Engine.io packet sizes;
 *  - `wireBytes`: every byte read from the TCP socket after the upgrade (payload + frame headers).
 */
export interface RawScreenOptions {
  port: number;
  /** Socket.io handshake `auth`. */
  auth?: unknown;
  /**
   * Called for each Socket.io EVENT packet's frame when set, with its arrival time
   * (performance.now() when its last byte was read): the whole payload when `keepWhole` is set or
   * the frame is at most HEAD_BYTES long (`whole` true), else only its first bytes.
   */
  onEventFrame?: (payload: Buffer, arrivedAt: number, whole: boolean) => void;
  keepWhole?: boolean;
}

const OP_CONT = 0x0;
const OP_TEXT = 0x1;
const OP_BIN = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
/** Bytes of a frame kept at least when its payload is not wanted whole (alerts fit whole). */
const HEAD_BYTES = 4096;

export class RawScreen {
  payloadBytes = 0;
  wireBytes = 0;
  frames = 0;
  eventFrames = 0;
  closed = false;
  private sock!: Socket;
  private leftover: Buffer | null = null;
  private inFrame = false;
  private opcode = 0;
  private remaining = 0;
  private parts: Buffer[] = [];
  private kept = 0;
  private frameLen = 0;
  /** FIN bit of the frame being read (a message may come in fragments). */
  private fin = true;
  private ackId = 0;
  private readonly acks = new Map<number, (payload: string) => void>();
  private onConnected: (() => void) | null = null;
  private onFailed: ((e: Error) => void) | null = null;

  constructor(private readonly opts: RawScreenOptions) {}

  /** Connects, upgrades, completes the Engine.io and Socket.io handshakes. */
  open(timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (this.sock?.destroy(), reject(new Error('raw screen: handshake timed out'))), timeoutMs);
      this.onConnected = () => (clearTimeout(timer), resolve());
      this.onFailed = (e) => (clearTimeout(timer), reject(e));
      const key = randomBytes(16).toString('base64');
      this.sock = connect(this.opts.port, '127.0.0.1');
      this.sock.setNoDelay(true);
      this.sock.on('error', (e) => this.onFailed?.(e));
      this.sock.on('close', () => (this.closed = true));
      this.sock.once('connect', () => {
        this.sock.write(
          `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${this.opts.port}\r\n` +
            `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
      let head = Buffer.alloc(0);
      const onHead = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        this.sock.off('data', onHead);
        const status = head.subarray(0, head.indexOf('\r\n')).toString();
        if (!/ 101 /.test(status)) return this.onFailed?.(new Error(`raw screen: upgrade refused: ${status}`));
        this.sock.on('data', (c: Buffer) => this.onData(c));
        const rest = head.subarray(end + 4);
        if (rest.length) this.onData(rest);
      };
      this.sock.on('data', onHead);
    });
  }

  /** Emits a Socket.io event with an ack and resolves with the ack's JSON arguments. */
  emitWithAck(event: string, arg: unknown, timeoutMs = 15_000): Promise<unknown[]> {
    const id = this.ackId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (this.acks.delete(id), reject(new Error(`raw screen: no ack for ${event}`))), timeoutMs);
      this.acks.set(id, (payload) => (clearTimeout(timer), resolve(JSON.parse(payload) as unknown[])));
      this.sendText(`42${id}${JSON.stringify([event, arg])}`);
    });
  }

  close(): void {
    this.closed = true;
    this.sock?.destroy();
  }

  /** Sends one masked text frame (client frames must be masked). */
  private sendText(text: string): void {
    const payload = Buffer.from(text);
    const len = payload.length;
    const ext = len < 126 ? 0 : len < 65536 ? 2 : 8;
    const frame = Buffer.alloc(2 + ext + 4 + len);
    frame[0] = 0x80 | OP_TEXT;
    if (ext === 0) frame[1] = 0x80 | len;
    else if (ext === 2) (frame[1] = 0x80 | 126), frame.writeUInt16BE(len, 2);
    else (frame[1] = 0x80 | 127), frame.writeBigUInt64BE(BigInt(len), 2);
    const mask = randomBytes(4);
    mask.copy(frame, 2 + ext);
    for (let i = 0; i < len; i++) frame[2 + ext + 4 + i] = payload[i] ^ mask[i & 3];
    this.sock.write(frame);
  }

  private onData(chunk: Buffer): void {
    const t = performance.now();
    this.wireBytes += chunk.length;
    if (this.leftover) {
      chunk = Buffer.concat([this.leftover, chunk]);
      this.leftover = null;
    }
    let off = 0;
    while (off < chunk.length) {
      if (!this.inFrame) {
        const avail = chunk.length - off;
        if (avail < 2) return void (this.leftover = Buffer.from(chunk.subarray(off)));
        const b0 = chunk[off];
        let len = chunk[off + 1] & 0x7f;
        let hlen = 2;
        if (len === 126) {
          if (avail < 4) return void (this.leftover = Buffer.from(chunk.subarray(off)));
          len = chunk.readUInt16BE(off + 2);
          hlen = 4;
        } else if (len === 127) {
          if (avail < 10) return void (this.leftover = Buffer.from(chunk.subarray(off)));
          len = Number(chunk.readBigUInt64BE(off + 2));
          hlen = 10;
        }
        off += hlen;
        const op = b0 & 0x0f;
        if (op !== OP_CONT) {
          this.opcode = op;
          this.parts = [];
          this.kept = 0;
          this.frameLen = 0;
        }
        this.frameLen += len;
        this.remaining = len;
        this.inFrame = true;
        this.frames++;
        this.payloadBytes += len;
        if (len === 0) {
          this.inFrame = false;
          if (b0 & 0x80) this.onMessage(this.opcode, this.parts.length ? Buffer.concat(this.parts) : Buffer.alloc(0), t);
          continue;
        }
        this.fin = (b0 & 0x80) !== 0;
      }
      const take = Math.min(this.remaining, chunk.length - off);
      // Without keepWhole only a frame's head is kept (enough for the protocol's own packets and alerts).
      if (this.opts.keepWhole || this.kept < HEAD_BYTES) {
        this.parts.push(chunk.subarray(off, off + take));
        this.kept += take;
      }
      off += take;
      this.remaining -= take;
      if (this.remaining === 0) {
        this.inFrame = false;
        if (this.fin) {
          const payload = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
          this.parts = [];
          this.onMessage(this.opcode, payload, t);
        }
      }
    }
  }

  private onMessage(op: number, payload: Buffer, t: number): void {
    if (op === OP_PING) return; // servers here ping at the Engine.io level, not with WebSocket pings
    if (op === OP_CLOSE) return this.close();
    if (op !== OP_TEXT && op !== OP_BIN) return;
    const type = payload[0];
    if (type === 0x34 /* '4' message */) {
      const sio = payload[1];
      if (sio === 0x32 /* '2' EVENT */) {
        this.eventFrames++;
        this.opts.onEventFrame?.(payload, t, payload.length === this.frameLen);
      } else if (sio === 0x33 /* '3' ACK */) {
        const text = payload.toString('utf8', 2);
        const m = /^(\d+)/.exec(text)!;
        const cb = this.acks.get(Number(m[1]));
        this.acks.delete(Number(m[1]));
        cb?.(text.slice(m[1].length));
      } else if (sio === 0x30 /* '0' CONNECT */) {
        this.onConnected?.();
        this.onConnected = null;
      } else if (sio === 0x34 /* '4' CONNECT_ERROR */) {
        this.onFailed?.(new Error(`raw screen: connect refused: ${payload.toString('utf8', 2)}`));
      }
    } else if (type === 0x32 /* '2' ping */) {
      this.sendText('3');
    } else if (type === 0x30 /* '0' open */) {
      this.sendText(`40${this.opts.auth === undefined ? '' : JSON.stringify(this.opts.auth)}`);
    }
  }
}

/**
 * Finds every `"id":"<prefix><n>"` in a frame and calls `found(n)`: event ids as the benches
 * assign them, read without parsing the JSON.
 */
export function scanIds(payload: Buffer, needle: Buffer, found: (n: number) => void): void {
  let at = payload.indexOf(needle);
  while (at >= 0) {
    let i = at + needle.length;
    let n = 0;
    let c = payload[i];
    while (c >= 0x30 && c <= 0x39) {
      n = n * 10 + (c - 0x30);
      c = payload[++i];
    }
    if (c === 0x22 /* closing quote */) found(n);
    at = payload.indexOf(needle, i);
  }
}
