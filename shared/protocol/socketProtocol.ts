import type { ScreenCounters } from '../aggregates/regionCounters';
import type { GridEvent } from '../events/gridEvent';
import type { z } from 'zod';
import type { HeatMetric, subscribeSchema } from './subscribeSchema';
import type { wallPushSchema, wallReleaseSchema } from './wallSchemas';
import type { Alert } from '../alerts/alert';

/**
 * The Socket.io protocol between server and screens, declared once. Both sides import these
 * names and types; no event-name string literal appears anywhere else.
 * Bump PROTOCOL_VERSION on any incompatible change: the handshake refuses a mismatch.
 */
export const PROTOCOL_VERSION = 2;

/** Events a snapshot carries for a screen's feed (a screen keeps about as many). */
export const FEED_EVENTS = 50;

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
  /** server → client: a new or changed alert in the focus, sent at once (does not wait for the tick). */
  alert: 'alert',
  /** client (leader) → server: wall screens, follow my view. */
  wallPush: 'wall:push',
  /** client (leader) → server: wall screens, go back to your own view. */
  wallRelease: 'wall:release',
  /** server → wall screen: show this view; someone is driving you. */
  wallFollow: 'wall:follow',
  /** server → wall screen: nobody drives you any more. */
  wallReleased: 'wall:released',
} as const;

export type SubscribeRequest = z.input<typeof subscribeSchema>;
export type { HeatMetric };

/**
 * Events reported per hour in a region: 48 hourly counts, oldest first. counts[24..47] are the
 * last 24 hours (the last one is the hour in progress), counts[0..23] the same hours a day earlier.
 */
export interface HourlySeries {
  /** Epoch ms of the start of the oldest hour. */
  startMs: number;
  counts: number[];
}

export interface FocusSnapshot {
  regionId: string;
  metric: HeatMetric;
  /**
   * The sequence the next delta continues from (its fromSeq). The content reflects at least this
   * seq and may include later changes, which the next delta repeats with full values.
   */
  seq: number;
  serverTime: string;
  /**
   * Counters of the focused region and of each region on its map: its children, or, when the
   * focus is a grid, the grids of its community (its siblings and itself). By region id.
   */
  counters: Record<string, ScreenCounters>;
  /** The newest events inside the focused region, newest first. */
  events: GridEvent[];
  /** Events per hour in the focused region, today against yesterday. */
  hourly: HourlySeries;
  /** Alerts in the focused region not yet handled, newest first. */
  alerts: Alert[];
  /**
   * The time-limit warning threshold in force (config/time-limits.json `warnAt`): a case's light
   * turns yellow once this share of its time is used. Screens draw lights by the server's rule.
   */
  warnAt: number;
  /**
   * Further per-region indicator sets beside the event counters (volunteer activity, service
   * cards), by panel name then region id, for the same regions as `counters`.
   */
  panels: PanelCounters;
}

/** Panel name → region id → that panel's counters for the region. */
export type PanelCounters = Record<string, Record<string, unknown>>;

export interface FocusDelta {
  regionId: string;
  /** Sequence of the previous delta or snapshot this one follows; the client checks continuity. */
  fromSeq: number;
  seq: number;
  serverTime: string;
  /** Full counters of each region (focus or on its map) that changed since fromSeq. */
  counters: Record<string, ScreenCounters>;
  /** Events inside the focus created or changed since fromSeq, newest first (current state). */
  events: GridEvent[];
  /** The focus's hourly series, when it changed. */
  hourly?: HourlySeries;
  /**
   * Alerts travel at once, on their own (SocketEvent.alert), in order with the deltas; a tick's
   * delta does not repeat them (empty). A resumed screen's catch-up delta (`alertsComplete`)
   * holds every alert of the focus not yet handled: it replaces the screen's list, so an alert
   * handled while the screen was away goes too.
   */
  alerts: Alert[];
  /** `alerts` is the whole open list (a catch-up): replace rather than merge. */
  alertsComplete?: true;
  /** Panel counters of regions (focus or on its map) that changed since fromSeq; full values. */
  panels: PanelCounters;
}

export interface Problem {
  code: 'bad_request' | 'unknown_region' | 'protocol_mismatch' | 'unauthorised';
  message: string;
}

/** `resumed`: a delta from the screen's lastSeq follows; `snapshot`: a fresh snapshot follows. */
export type SubscribeAck = { ok: true; mode: 'snapshot' | 'resumed' } | { ok: false; problem: Problem };

export interface ServerToClientEvents {
  [SocketEvent.snapshot]: (s: FocusSnapshot) => void;
  [SocketEvent.delta]: (d: FocusDelta) => void;
  [SocketEvent.problem]: (p: Problem) => void;
  [SocketEvent.geographyChanged]: (g: { serverTime: string }) => void;
  [SocketEvent.alert]: (a: Alert) => void;
  [SocketEvent.wallFollow]: (f: WallFollow) => void;
  [SocketEvent.wallReleased]: (r: { by: string }) => void;
}

/** What a driven wall screen shows, and who drives it. */
export interface WallFollow {
  regionId: string;
  metric: HeatMetric;
  /** Display name of the person driving. */
  by: string;
  since: string;
}

export type WallPushRequest = z.input<typeof wallPushSchema>;
export type WallReleaseRequest = z.input<typeof wallReleaseSchema>;
/** Which screens did follow (or were released), and which were left out and why. */
export type WallAck = { ok: true; screens: string[]; skipped: { screen: string; reason: string }[] } | { ok: false; problem: Problem };

export interface ClientToServerEvents {
  [SocketEvent.subscribe]: (req: SubscribeRequest, ack?: (a: SubscribeAck) => void) => void;
  [SocketEvent.wallPush]: (req: WallPushRequest, ack?: (a: WallAck) => void) => void;
  [SocketEvent.wallRelease]: (req: WallReleaseRequest, ack?: (a: WallAck) => void) => void;
}

/** Sent in the Socket.io handshake's `auth` object. */
export interface HandshakeAuth {
  protocolVersion: number;
  /** A screen token (gp_…) or a session token; a browser may instead rely on its cookies. */
  token?: string;
  /**
   * Which cookie speaks for a browser holding both a person's session and a wall screen's: the
   * wall page says 'screen' (it is the screen even in an officer's browser); others the person.
   */
  as?: 'screen' | 'person';
}

/** REST paths, shared so the client and tests never spell them differently. */
export const ApiPath = {
  events: '/api/events',
  geography: '/api/geography',
  health: '/api/health',
  regions: '/api/regions',
  alerts: '/api/alerts',
  walls: '/api/walls',
  auth: '/api/auth',
  audit: '/api/audit',
  openApi: '/api/openapi.json',
} as const;
