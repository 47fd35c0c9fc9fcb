import type { RegionCounters } from '../aggregates/regionCounters';
import type { GridEvent } from '../events/gridEvent';
import type { z } from 'zod';
import type { subscribeSchema } from './subscribeSchema';

/**
 * The Socket.io protocol between server and screens, declared once. Both sides import these
 * names and types; no event-name string literal appears anywhere else.
 * Bump PROTOCOL_VERSION on any incompatible change: the handshake refuses a mismatch.
 */
export const PROTOCOL_VERSION = 1;

export const SocketEvent = {
  /** client → server: focus on a region (and say what it already has). */
  subscribe: 'focus:subscribe',
  /** server → client: everything the focus needs, as of `seq`. */
  snapshot: 'focus:snapshot',
  /** server → client: what changed in the focus since the last delta, coalesced per tick. */
  delta: 'focus:delta',
  /** server → client: the server refused something (bad request, protocol mismatch). */
  problem: 'problem',
  /** server → client: a re-imported geography is in force; fetch it again and re-subscribe. */
  geographyChanged: 'geography:changed',
} as const;

export type SubscribeRequest = z.infer<typeof subscribeSchema>;

export interface FocusSnapshot {
  regionId: string;
  /**
   * The sequence the next delta continues from (its fromSeq). The content reflects at least this
   * seq and may include later changes, which the next delta repeats with full values.
   */
  seq: number;
  serverTime: string;
  /** Counters of the focused region and each of its children, by region id. */
  counters: Record<string, RegionCounters>;
  /** The newest events inside the focused region, newest first. */
  events: GridEvent[];
}

export interface FocusDelta {
  regionId: string;
  /** Sequence of the previous delta or snapshot this one follows; the client checks continuity. */
  fromSeq: number;
  seq: number;
  serverTime: string;
  /** Full counters of each region (focus or child) that changed since fromSeq. */
  counters: Record<string, RegionCounters>;
  /** Events inside the focus created or changed since fromSeq, newest first. */
  events: GridEvent[];
}

export interface Problem {
  code: 'bad_request' | 'unknown_region' | 'protocol_mismatch' | 'unauthorised';
  message: string;
}

export type SubscribeAck = { ok: true } | { ok: false; problem: Problem };

export interface ServerToClientEvents {
  [SocketEvent.snapshot]: (s: FocusSnapshot) => void;
  [SocketEvent.delta]: (d: FocusDelta) => void;
  [SocketEvent.problem]: (p: Problem) => void;
  [SocketEvent.geographyChanged]: (g: { serverTime: string }) => void;
}

export interface ClientToServerEvents {
  [SocketEvent.subscribe]: (req: SubscribeRequest, ack?: (a: SubscribeAck) => void) => void;
}

/** Sent in the Socket.io handshake's `auth` object. */
export interface HandshakeAuth {
  protocolVersion: number;
}

/** REST paths, shared so the client and tests never spell them differently. */
export const ApiPath = {
  events: '/api/events',
  geography: '/api/geography',
  health: '/api/health',
  regions: '/api/regions',
  openApi: '/api/openapi.json',
} as const;
