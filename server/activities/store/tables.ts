import type { Participation, Volunteer, VolunteerActivity, VolunteerTeam } from '../../../shared/volunteers/volunteerModel';
import type { OrderStageChange, ServiceOrder } from '../../../shared/serviceCards/serviceOrder';
import type { StoredEntity } from './activityStore';

/**
 * The activity store's tables as data: which record field is in which column and how it is
 * typed, so that the SQLite and PostgreSQL stores read and write exactly the same things.
 * (The tables themselves are created by each store's migrations, which never change once
 * released; the contract tests check the two agree.)
 *
 * Column kinds: text; int (SQLite INTEGER, PostgreSQL bigint); real (REAL, double precision);
 * time (SQLite INTEGER epoch ms, PostgreSQL timestamptz) — a record holds it as ISO-8601, a
 * row as epoch ms.
 */
export type ColumnKind = 'text' | 'int' | 'real' | 'time';
export type RowValue = string | number | null;
export type Row = Record<string, RowValue>;

export interface Column {
  field: string;
  column: string;
  kind: ColumnKind;
}

export interface TableSpec<E> {
  name: string;
  /** The primary key column. */
  key: string;
  columns: readonly Column[];
  toRow(e: E): Row;
  fromRow(r: Row): E;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function table<E>(name: string, key: string, spec: Record<string, ColumnKind>): TableSpec<E> {
  const columns: Column[] = Object.entries(spec).map(([field, kind]) => ({ field, column: snake(field), kind }));
  return {
    name,
    key,
    columns,
    toRow(e) {
      const rec = e as Record<string, unknown>;
      const row: Row = {};
      for (const c of columns) {
        const v = rec[c.field] as RowValue | undefined;
        row[c.column] = v === undefined || v === null ? null : c.kind === 'time' ? Date.parse(v as string) : v;
      }
      return row;
    },
    fromRow(r) {
      const rec: Record<string, unknown> = {};
      for (const c of columns) {
        const v = r[c.column];
        rec[c.field] = v === null || v === undefined ? null : c.kind === 'time' ? new Date(Number(v)).toISOString() : c.kind === 'text' ? v : Number(v);
      }
      return rec as E;
    },
  };
}

export const TEAMS = table<VolunteerTeam>('volunteer_teams', 'id', {
  id: 'text',
  seq: 'int',
  name: 'text',
  regionId: 'text',
  registeredAt: 'time',
});

export const VOLUNTEERS = table<Volunteer>('volunteers', 'id', {
  id: 'text',
  seq: 'int',
  teamId: 'text',
  regionId: 'text',
  name: 'text',
  registeredAt: 'time',
});

export const ACTIVITIES = table<VolunteerActivity>('volunteer_activities', 'id', {
  id: 'text',
  seq: 'int',
  updatedSeq: 'int',
  teamId: 'text',
  type: 'text',
  title: 'text',
  description: 'text',
  gridId: 'text',
  lon: 'real',
  lat: 'real',
  plannedStartAt: 'time',
  plannedEndAt: 'time',
  status: 'text',
  startedAt: 'time',
  endedAt: 'time',
  residentVisits: 'int',
  checkedIn: 'int',
  participants: 'int',
  createdAt: 'time',
  actor: 'text',
  closedBy: 'text',
  note: 'text',
});

export const PARTICIPATIONS = table<Participation>('volunteer_participations', 'id', {
  id: 'text',
  seq: 'int',
  updatedSeq: 'int',
  activityId: 'text',
  volunteerId: 'text',
  gridId: 'text',
  lon: 'real',
  lat: 'real',
  checkInAt: 'time',
  checkOutAt: 'time',
  creditedMs: 'int',
  points: 'int',
  actor: 'text',
});

export const ORDERS = table<ServiceOrder>('service_orders', 'id', {
  id: 'text',
  seq: 'int',
  updatedSeq: 'int',
  category: 'text',
  gridId: 'text',
  lon: 'real',
  lat: 'real',
  description: 'text',
  stage: 'text',
  requestedAt: 'time',
  dispatchedAt: 'time',
  acceptedAt: 'time',
  doneAt: 'time',
  ratedAt: 'time',
  cancelledAt: 'time',
  partnerUnit: 'text',
  rating: 'int',
  ratingComment: 'text',
  actor: 'text',
});

export const ORDER_STAGES_TABLE = table<OrderStageChange>('service_order_stages', 'seq', {
  seq: 'int',
  orderId: 'text',
  fromStage: 'text',
  toStage: 'text',
  actor: 'text',
  partnerUnit: 'text',
  rating: 'int',
  comment: 'text',
  at: 'time',
});

export interface ChangeRow {
  seq: number;
  at: string;
  kind: string;
  entityId: string;
}

export const CHANGES = table<ChangeRow>('activity_changes', 'seq', {
  seq: 'int',
  at: 'time',
  kind: 'text',
  entityId: 'text',
});

/** The tables of records (not history), each with how a row becomes a tagged record; in rebuild order. */
export const ENTITY_TABLES: readonly [TableSpec<any>, (e: any) => StoredEntity][] = [
  [TEAMS, (value: VolunteerTeam) => ({ kind: 'team', value })],
  [VOLUNTEERS, (value: Volunteer) => ({ kind: 'volunteer', value })],
  [ACTIVITIES, (value: VolunteerActivity) => ({ kind: 'activity', value })],
  [PARTICIPATIONS, (value: Participation) => ({ kind: 'participation', value })],
  [ORDERS, (value: ServiceOrder) => ({ kind: 'order', value })],
];
