import type { Participation, Volunteer, VolunteerActivity, VolunteerTeam } from '../../../shared/volunteers/volunteerModel';
import { allowedActivityMoves, canCheckIn, canCheckOut, nextActivityStatus, type ActivityStatus } from '../../../shared/volunteers/activityLifecycle';
import { creditSession, type PointsRules } from '../../../shared/volunteers/pointsRules';
import type { OrderStageChange, ServiceOrder } from '../../../shared/serviceCards/serviceOrder';
import { allowedNextStages, canMoveOrder } from '../../../shared/serviceCards/orderStages';
import type { ActivityCommand, ActivityOutcome, ChangeKind, EntityUpdate, StoredEntity } from './activityStore';

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (s: string) => Date.parse(s);

/** The stored records a batch reads, loaded by the store before planning (see snapshotKeys). */
export interface ActivitySnapshot {
  teams: ReadonlyMap<string, VolunteerTeam>;
  volunteers: ReadonlyMap<string, Volunteer>;
  activities: ReadonlyMap<string, VolunteerActivity>;
  orders: ReadonlyMap<string, ServiceOrder>;
  /**
   * Every stored attendance that is: one of `participationIds`; open (not checked out) and of
   * one of `volunteerIds` or `activityIds`; or of one of `activityIds` and one of `volunteerIds`.
   */
  participations: ReadonlyMap<string, Participation>;
}

/** Which records a batch needs: the store loads these (and only these) into the snapshot. */
export interface SnapshotKeys {
  teamIds: string[];
  volunteerIds: string[];
  activityIds: string[];
  participationIds: string[];
  orderIds: string[];
}

export function snapshotKeys(batch: readonly ActivityCommand[]): SnapshotKeys {
  const teams = new Set<string>();
  const volunteers = new Set<string>();
  const activities = new Set<string>();
  const participations = new Set<string>();
  const orders = new Set<string>();
  for (const c of batch) {
    switch (c.type) {
      case 'registerTeam':
        teams.add(c.id);
        break;
      case 'registerVolunteer':
        volunteers.add(c.id);
        teams.add(c.teamId);
        break;
      case 'createActivity':
        activities.add(c.id);
        teams.add(c.teamId);
        break;
      case 'activityAction':
        activities.add(c.activityId);
        break;
      case 'checkIn':
        participations.add(c.id);
        activities.add(c.activityId);
        volunteers.add(c.volunteerId);
        break;
      case 'checkOut':
        activities.add(c.activityId);
        volunteers.add(c.volunteerId);
        break;
      case 'createOrder':
        orders.add(c.id);
        break;
      case 'orderStage':
        orders.add(c.orderId);
        break;
    }
  }
  return {
    teamIds: [...teams],
    volunteerIds: [...volunteers],
    activityIds: [...activities],
    participationIds: [...participations],
    orderIds: [...orders],
  };
}

/** What a batch writes: each changed record in its state at the end of the batch. */
export interface BatchWrites {
  changes: { seq: number; kind: ChangeKind; entityId: string }[];
  teams: VolunteerTeam[];
  volunteers: Volunteer[];
  /** Upserts (new or changed). */
  activities: VolunteerActivity[];
  participations: Participation[];
  orders: ServiceOrder[];
  /** Inserts. */
  orderStages: OrderStageChange[];
}

/** The batch's working copy of the records it touches, with the look-ups attendance rules need. */
class WorkingState {
  readonly teams: Map<string, VolunteerTeam>;
  readonly volunteers: Map<string, Volunteer>;
  readonly activities: Map<string, VolunteerActivity>;
  readonly orders: Map<string, ServiceOrder>;
  private readonly participations = new Map<string, Participation>();
  private readonly openByVolunteer = new Map<string, string>();
  private readonly byActivity = new Map<string, Set<string>>();

  constructor(s: ActivitySnapshot) {
    this.teams = new Map(s.teams);
    this.volunteers = new Map(s.volunteers);
    this.activities = new Map(s.activities);
    this.orders = new Map(s.orders);
    for (const p of s.participations.values()) this.setParticipation(p);
  }

  participation(id: string): Participation | undefined {
    return this.participations.get(id);
  }

  setParticipation(p: Participation): void {
    const before = this.participations.get(p.id);
    if (before && before.checkOutAt === null && this.openByVolunteer.get(before.volunteerId) === p.id) this.openByVolunteer.delete(before.volunteerId);
    this.participations.set(p.id, p);
    if (p.checkOutAt === null) this.openByVolunteer.set(p.volunteerId, p.id);
    let set = this.byActivity.get(p.activityId);
    if (!set) this.byActivity.set(p.activityId, (set = new Set()));
    set.add(p.id);
  }

  /** The attendance a volunteer is checked in to now, anywhere. */
  openOf(volunteerId: string): Participation | undefined {
    const id = this.openByVolunteer.get(volunteerId);
    return id === undefined ? undefined : this.participations.get(id);
  }

  /** An activity's attendances (those loaded: every open one, and those of the batch's volunteers). */
  of(activityId: string): Participation[] {
    return [...(this.byActivity.get(activityId) ?? [])].map((id) => this.participations.get(id)!);
  }
}

type Plan = ActivityOutcome | { type: 'store'; kind: ChangeKind; result: 'created' | 'changed'; entity: StoredEntity; updates: EntityUpdate[]; stageChange?: OrderStageChange };

const entity = {
  team: (value: VolunteerTeam): StoredEntity => ({ kind: 'team', value }),
  volunteer: (value: Volunteer): StoredEntity => ({ kind: 'volunteer', value }),
  activity: (value: VolunteerActivity): StoredEntity => ({ kind: 'activity', value }),
  participation: (value: Participation): StoredEntity => ({ kind: 'participation', value }),
  order: (value: ServiceOrder): StoredEntity => ({ kind: 'order', value }),
};

const update = (before: StoredEntity | null, after: StoredEntity): EntityUpdate => ({ before, after });

function listAllowed(moves: readonly string[]): string {
  return moves.length ? moves.join(', ') : 'none (final)';
}

function checkOutAttendance(p: Participation, atMs: number, rules: PointsRules, seq: number): Participation {
  const outMs = Math.max(atMs, ms(p.checkInAt));
  const { creditedMs, points } = creditSession(ms(p.checkInAt), outMs, rules);
  return { ...p, updatedSeq: seq, checkOutAt: iso(outMs), creditedMs, points };
}

/**
 * Decides what each command of a batch does, in order, to the snapshot's records and to what
 * earlier commands of the batch did: the rules of teams, attendances, activities and orders,
 * shared by every store implementation so they cannot disagree. Each command that stores
 * something takes the next seq after `lastSeq`. Pure.
 */
export function planActivityBatch(
  batch: readonly ActivityCommand[],
  snapshot: ActivitySnapshot,
  lastSeq: number,
): { outcomes: ActivityOutcome[]; writes: BatchWrites } {
  const w = new WorkingState(snapshot);
  let seq = lastSeq;
  const outcomes: ActivityOutcome[] = [];
  const writes: BatchWrites = { changes: [], teams: [], volunteers: [], activities: [], participations: [], orders: [], orderStages: [] };
  const touchedActivities = new Map<string, VolunteerActivity>();
  const touchedParticipations = new Map<string, Participation>();
  const touchedOrders = new Map<string, ServiceOrder>();

  for (const cmd of batch) {
    const next = seq + 1;
    const plan = planOne(cmd, w, next);
    if (plan.type !== 'store') {
      outcomes.push(plan);
      continue;
    }
    seq = next;
    writes.changes.push({ seq, kind: plan.kind, entityId: plan.entity.value.id });
    for (const u of plan.updates) {
      const a = u.after;
      switch (a.kind) {
        case 'team':
          w.teams.set(a.value.id, a.value);
          writes.teams.push(a.value);
          break;
        case 'volunteer':
          w.volunteers.set(a.value.id, a.value);
          writes.volunteers.push(a.value);
          break;
        case 'activity':
          w.activities.set(a.value.id, a.value);
          touchedActivities.set(a.value.id, a.value);
          break;
        case 'participation':
          w.setParticipation(a.value);
          touchedParticipations.set(a.value.id, a.value);
          break;
        case 'order':
          w.orders.set(a.value.id, a.value);
          touchedOrders.set(a.value.id, a.value);
          break;
      }
    }
    if (plan.stageChange) writes.orderStages.push(plan.stageChange);
    outcomes.push(
      plan.result === 'created'
        ? { type: 'created', seq, entity: plan.entity, updates: plan.updates }
        : { type: 'changed', seq, entity: plan.entity, updates: plan.updates, stageChange: plan.stageChange ?? null },
    );
  }
  writes.activities = [...touchedActivities.values()];
  writes.participations = [...touchedParticipations.values()];
  writes.orders = [...touchedOrders.values()];
  return { outcomes, writes };
}

/** One command against the working state; `seq` is the number it takes if it stores something. */
function planOne(cmd: ActivityCommand, w: WorkingState, seq: number): Plan {
  switch (cmd.type) {
    case 'registerTeam': {
      const found = w.teams.get(cmd.id);
      if (found) return { type: 'duplicate', entity: entity.team(found) };
      const team: VolunteerTeam = { id: cmd.id, seq, name: cmd.name, regionId: cmd.regionId, registeredAt: iso(cmd.atMs) };
      return { type: 'store', kind: 'team.registered', result: 'created', entity: entity.team(team), updates: [update(null, entity.team(team))] };
    }

    case 'registerVolunteer': {
      const found = w.volunteers.get(cmd.id);
      if (found) return { type: 'duplicate', entity: entity.volunteer(found) };
      const team = w.teams.get(cmd.teamId);
      if (!team) return { type: 'not_found', what: 'team', id: cmd.teamId };
      const v: Volunteer = { id: cmd.id, seq, teamId: team.id, regionId: team.regionId, name: cmd.name, registeredAt: iso(cmd.atMs) };
      return { type: 'store', kind: 'volunteer.registered', result: 'created', entity: entity.volunteer(v), updates: [update(null, entity.volunteer(v))] };
    }

    case 'createActivity': {
      const found = w.activities.get(cmd.id);
      if (found) return { type: 'duplicate', entity: entity.activity(found) };
      if (!w.teams.has(cmd.teamId)) return { type: 'not_found', what: 'team', id: cmd.teamId };
      const a: VolunteerActivity = {
        id: cmd.id,
        seq,
        updatedSeq: seq,
        teamId: cmd.teamId,
        type: cmd.activityType,
        title: cmd.title,
        description: cmd.description,
        gridId: cmd.gridId,
        lon: cmd.lon,
        lat: cmd.lat,
        plannedStartAt: iso(cmd.plannedStartMs),
        plannedEndAt: iso(cmd.plannedEndMs),
        status: 'planned',
        startedAt: null,
        endedAt: null,
        residentVisits: 0,
        checkedIn: 0,
        participants: 0,
        createdAt: iso(cmd.atMs),
        actor: cmd.actor,
        closedBy: null,
        note: '',
      };
      return { type: 'store', kind: 'activity.created', result: 'created', entity: entity.activity(a), updates: [update(null, entity.activity(a))] };
    }

    case 'checkIn': {
      const found = w.participation(cmd.id);
      if (found) return { type: 'duplicate', entity: entity.participation(found) };
      const a = w.activities.get(cmd.activityId);
      if (!a) return { type: 'not_found', what: 'activity', id: cmd.activityId };
      const v = w.volunteers.get(cmd.volunteerId);
      if (!v) return { type: 'not_found', what: 'volunteer', id: cmd.volunteerId };
      const allowed = allowedActivityMoves(a.status);
      if (!canCheckIn(a.status))
        return { type: 'refused', reason: 'not_allowed', message: `cannot check in to an activity that is ${a.status}; allowed: ${listAllowed(allowed)}`, allowed, entity: entity.activity(a) };
      const open = w.openOf(v.id);
      if (open) {
        const where = open.activityId === a.id ? 'this activity' : `activity ${open.activityId}`;
        return {
          type: 'refused',
          reason: 'busy',
          message: `volunteer ${v.id} is checked in to ${where} since ${open.checkInAt} (check-in ${open.id}); check out first`,
          allowed: ['check-out'],
          entity: entity.participation(open),
        };
      }
      const p: Participation = {
        id: cmd.id,
        seq,
        updatedSeq: seq,
        activityId: a.id,
        volunteerId: v.id,
        gridId: a.gridId,
        lon: a.lon,
        lat: a.lat,
        checkInAt: iso(cmd.atMs),
        checkOutAt: null,
        creditedMs: 0,
        points: 0,
        actor: cmd.actor,
      };
      const returning = w.of(a.id).some((x) => x.volunteerId === v.id);
      const starts = a.status === 'planned';
      const after: VolunteerActivity = {
        ...a,
        updatedSeq: seq,
        status: starts ? 'ongoing' : a.status,
        startedAt: starts ? p.checkInAt : a.startedAt,
        checkedIn: a.checkedIn + 1,
        participants: a.participants + (returning ? 0 : 1),
      };
      return {
        type: 'store',
        kind: 'participation.checkedIn',
        result: 'created',
        entity: entity.participation(p),
        updates: [update(null, entity.participation(p)), update(entity.activity(a), entity.activity(after))],
      };
    }

    case 'checkOut': {
      const a = w.activities.get(cmd.activityId);
      if (!a) return { type: 'not_found', what: 'activity', id: cmd.activityId };
      if (!w.volunteers.has(cmd.volunteerId)) return { type: 'not_found', what: 'volunteer', id: cmd.volunteerId };
      const mine = w.of(a.id).filter((p) => p.volunteerId === cmd.volunteerId);
      const open = mine.find((p) => p.checkOutAt === null);
      if (!open) {
        // Checked out already (a retried check-out, or the activity's end did it): nothing to do.
        const last = mine.sort((x, y) => y.seq - x.seq)[0];
        if (last) return { type: 'duplicate', entity: entity.participation(last) };
        const allowed = allowedActivityMoves(a.status);
        return { type: 'refused', reason: 'not_allowed', message: `volunteer ${cmd.volunteerId} is not checked in to activity ${a.id}`, allowed, entity: entity.activity(a) };
      }
      if (!canCheckOut(a.status)) {
        const allowed = allowedActivityMoves(a.status);
        return { type: 'refused', reason: 'not_allowed', message: `cannot check out of an activity that is ${a.status}; allowed: ${listAllowed(allowed)}`, allowed, entity: entity.activity(a) };
      }
      if (cmd.atMs < ms(open.checkInAt))
        return {
          type: 'refused',
          reason: 'invalid_time',
          message: `check-out at ${iso(cmd.atMs)} is before the check-in at ${open.checkInAt}`,
          allowed: ['check-out'],
          entity: entity.participation(open),
        };
      const closed = checkOutAttendance(open, cmd.atMs, cmd.rules, seq);
      const after: VolunteerActivity = { ...a, updatedSeq: seq, checkedIn: a.checkedIn - 1 };
      return {
        type: 'store',
        kind: 'participation.checkedOut',
        result: 'changed',
        entity: entity.participation(closed),
        updates: [update(entity.participation(open), entity.participation(closed)), update(entity.activity(a), entity.activity(after))],
      };
    }

    case 'activityAction': {
      const a = w.activities.get(cmd.activityId);
      if (!a) return { type: 'not_found', what: 'activity', id: cmd.activityId };
      if (cmd.expectedStatus !== undefined && cmd.expectedStatus !== a.status)
        return {
          type: 'refused',
          reason: 'stale',
          message: `activity ${a.id} is ${a.status} now, not ${cmd.expectedStatus}: someone else changed it first`,
          allowed: allowedActivityMoves(a.status),
          entity: entity.activity(a),
        };
      const to = nextActivityStatus(a.status, cmd.action);
      if (to === null) {
        // Asking again for what is already so (a retry) stores nothing; anything else is refused.
        if (isRepeat(a, cmd)) return { type: 'duplicate', entity: entity.activity(a) };
        const allowed = allowedActivityMoves(a.status);
        return { type: 'refused', reason: 'not_allowed', message: `cannot ${cmd.action} an activity that is ${a.status}; allowed: ${listAllowed(allowed)}`, allowed, entity: entity.activity(a) };
      }
      return planActivityMove(a, to, cmd, w, seq);
    }

    case 'createOrder': {
      const found = w.orders.get(cmd.id);
      if (found) return { type: 'duplicate', entity: entity.order(found) };
      const o: ServiceOrder = {
        id: cmd.id,
        seq,
        updatedSeq: seq,
        category: cmd.category,
        gridId: cmd.gridId,
        lon: cmd.lon,
        lat: cmd.lat,
        description: cmd.description,
        stage: 'requested',
        requestedAt: iso(cmd.requestedAtMs),
        dispatchedAt: null,
        acceptedAt: null,
        doneAt: null,
        ratedAt: null,
        cancelledAt: null,
        partnerUnit: null,
        rating: null,
        ratingComment: '',
        actor: cmd.actor,
      };
      const stageChange: OrderStageChange = {
        seq,
        orderId: o.id,
        fromStage: null,
        toStage: 'requested',
        actor: cmd.actor,
        partnerUnit: null,
        rating: null,
        comment: '',
        at: o.requestedAt,
      };
      return { type: 'store', kind: 'order.created', result: 'created', entity: entity.order(o), updates: [update(null, entity.order(o))], stageChange };
    }

    case 'orderStage': {
      const o = w.orders.get(cmd.orderId);
      if (!o) return { type: 'not_found', what: 'order', id: cmd.orderId };
      const allowed = allowedNextStages(o.stage);
      if (cmd.expectedStage !== undefined && cmd.expectedStage !== o.stage)
        return {
          type: 'refused',
          reason: 'stale',
          message: `order ${o.id} is ${o.stage} now, not ${cmd.expectedStage}: someone else changed it first`,
          allowed,
          entity: entity.order(o),
        };
      if (!canMoveOrder(o.stage, cmd.stage)) {
        if (isRepeatStage(o, cmd)) return { type: 'duplicate', entity: entity.order(o) };
        return {
          type: 'refused',
          reason: 'not_allowed',
          message: `cannot move an order that is ${o.stage} to ${cmd.stage}; allowed: ${listAllowed(allowed)}`,
          allowed,
          entity: entity.order(o),
        };
      }
      // Stage times never run backwards: a time given earlier than the order's latest stamp counts as that stamp.
      const atMs = Math.max(cmd.atMs, latestStampMs(o));
      const at = iso(atMs);
      const after: ServiceOrder = { ...o, updatedSeq: seq, stage: cmd.stage };
      switch (cmd.stage) {
        case 'dispatched':
          after.dispatchedAt = at;
          after.partnerUnit = cmd.partnerUnit;
          break;
        case 'requested': // the partner unit declined: back to the community
          after.dispatchedAt = null;
          after.partnerUnit = null;
          break;
        case 'accepted':
          after.acceptedAt = at;
          break;
        case 'done':
          after.doneAt = at;
          break;
        case 'rated':
          after.ratedAt = at;
          after.rating = cmd.rating;
          after.ratingComment = cmd.comment;
          break;
        case 'cancelled':
          after.cancelledAt = at;
          break;
      }
      const stageChange: OrderStageChange = {
        seq,
        orderId: o.id,
        fromStage: o.stage,
        toStage: cmd.stage,
        actor: cmd.actor,
        partnerUnit: cmd.stage === 'dispatched' ? cmd.partnerUnit : null,
        rating: cmd.stage === 'rated' ? cmd.rating : null,
        comment: cmd.comment,
        at,
      };
      return { type: 'store', kind: 'order.stage', result: 'changed', entity: entity.order(after), updates: [update(entity.order(o), entity.order(after))], stageChange };
    }
  }
}

function planActivityMove(a: VolunteerActivity, to: ActivityStatus, cmd: Extract<ActivityCommand, { type: 'activityAction' }>, w: WorkingState, seq: number): Plan {
  const after: VolunteerActivity = { ...a, updatedSeq: seq, status: to };
  const updates: EntityUpdate[] = [];
  let kind: ChangeKind;
  switch (cmd.action) {
    case 'start':
      after.startedAt = iso(cmd.atMs);
      kind = 'activity.started';
      break;
    case 'cancel':
      after.endedAt = iso(cmd.atMs);
      after.closedBy = cmd.actor;
      after.note = cmd.note;
      kind = 'activity.cancelled';
      break;
    case 'end': {
      const endMs = Math.max(cmd.atMs, a.startedAt === null ? cmd.atMs : ms(a.startedAt));
      after.endedAt = iso(endMs);
      after.closedBy = cmd.actor;
      after.note = cmd.note;
      after.residentVisits = cmd.residentVisits ?? 0;
      after.checkedIn = 0;
      // Whoever is still checked in is checked out when the activity ends.
      for (const p of w.of(a.id)) if (p.checkOutAt === null) updates.push(update(entity.participation(p), entity.participation(checkOutAttendance(p, endMs, cmd.rules, seq))));
      kind = 'activity.ended';
      break;
    }
  }
  updates.unshift(update(entity.activity(a), entity.activity(after)));
  return { type: 'store', kind, result: 'changed', entity: entity.activity(after), updates };
}

/** Whether an activity action asks for what is already so, with the same figures (a retry). */
function isRepeat(a: VolunteerActivity, cmd: Extract<ActivityCommand, { type: 'activityAction' }>): boolean {
  switch (cmd.action) {
    case 'start':
      return a.status === 'ongoing';
    case 'end':
      return a.status === 'ended' && a.residentVisits === (cmd.residentVisits ?? 0);
    case 'cancel':
      return a.status === 'cancelled';
  }
}

/** Whether a stage request asks for the stage the order is in, with the same data (a retry). */
function isRepeatStage(o: ServiceOrder, cmd: Extract<ActivityCommand, { type: 'orderStage' }>): boolean {
  if (o.stage !== cmd.stage) return false;
  switch (cmd.stage) {
    case 'dispatched':
      return o.partnerUnit === cmd.partnerUnit;
    case 'rated':
      return o.rating === cmd.rating;
    case 'requested':
      return false; // a fresh order cannot be "declined"
    default:
      return true;
  }
}

function latestStampMs(o: ServiceOrder): number {
  let t = ms(o.requestedAt);
  for (const s of [o.dispatchedAt, o.acceptedAt, o.doneAt, o.ratedAt, o.cancelledAt]) if (s !== null) t = Math.max(t, ms(s));
  return t;
}

