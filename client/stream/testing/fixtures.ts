import type { Alert } from '../../../shared/alerts/alert';
import type { RegionCounters } from '../../../shared/aggregates/regionCounters';
import { emptyCounters } from '../../../shared/aggregates/regionCounters';
import type { GridEvent } from '../../../shared/events/gridEvent';
import type { FocusDelta, FocusSnapshot, HourlySeries } from '../../../shared/protocol/socketProtocol';

/** Test data builders for the stream: only the fields a test cares about need saying. */
export function makeEvent(seq: number, over: Partial<GridEvent> = {}): GridEvent {
  return {
    id: `ev-${seq}`,
    seq,
    updatedSeq: seq,
    category: 'sanitation',
    severity: 'normal',
    source: 'grid_worker',
    lon: 109.98,
    lat: 39.82,
    gridId: '150602001001001',
    description: `event ${seq}`,
    status: 'reported',
    reportedAt: new Date(Date.UTC(2025, 0, 1, 2, 0, seq)).toISOString(),
    receivedAt: new Date(Date.UTC(2025, 0, 1, 2, 0, seq)).toISOString(),
    closedAt: null,
    deadline: new Date(Date.UTC(2025, 0, 2, 2, 0, seq)).toISOString(),
    overdueAt: null,
    unit: null,
    reporter: null,
    ...over,
  };
}

export function makeAlert(seq: number, over: Partial<Alert> = {}): Alert {
  return {
    id: `al-${seq}`,
    seq,
    kind: 'critical_event',
    eventId: `ev-${seq}`,
    regionId: '150602001001001',
    severity: 'critical',
    title: `alert ${seq}`,
    detail: {},
    raisedAt: new Date(Date.UTC(2025, 0, 1, 2, 0, seq)).toISOString(),
    state: 'new',
    acknowledgedBy: null,
    acknowledgedAt: null,
    handledBy: null,
    handledAt: null,
    ...over,
  };
}

/** 48 hourly counts from `startMs`, each `fill` unless `counts` says otherwise. */
export function hourly(startMs: number, counts?: number[], fill = 0): HourlySeries {
  return { startMs, counts: counts ?? Array.from({ length: 48 }, () => fill) };
}

export function counters(over: Partial<RegionCounters> = {}): RegionCounters {
  return { ...emptyCounters(), ...over };
}

export function snapshot(regionId: string, seq: number, over: Partial<FocusSnapshot> = {}): FocusSnapshot {
  return {
    regionId,
    seq,
    metric: 'open',
    warnAt: 0.7,
    serverTime: '2025-01-01T02:00:00Z',
    counters: {},
    events: [],
    hourly: hourly(Date.UTC(2024, 11, 30, 3)),
    alerts: [],
    panels: {},
    ...over,
  };
}

export function delta(regionId: string, fromSeq: number, seq: number, over: Partial<FocusDelta> = {}): FocusDelta {
  return { regionId, fromSeq, seq, serverTime: '2025-01-01T02:00:01Z', counters: {}, events: [], alerts: [], panels: {}, ...over };
}
