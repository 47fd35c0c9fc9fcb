import type { Participation, Volunteer, VolunteerActivity, VolunteerRecord, VolunteerTeam } from '../../../shared/volunteers/volunteerModel';
import type { ActivityAction, ActivityStatus } from '../../../shared/volunteers/activityLifecycle';
import type { ActivityType } from '../../../shared/volunteers/activityTypes';
import type { PointsRules } from '../../../shared/volunteers/pointsRules';
import type { OrderStageChange, ServiceOrder } from '../../../shared/serviceCards/serviceOrder';
import type { OrderStage } from '../../../shared/serviceCards/orderStages';
import type { ServiceCategory } from '../../../shared/serviceCards/serviceCategories';

/** A record of the activity store, tagged with what it is. */
export type StoredEntity =
  | { kind: 'team'; value: VolunteerTeam }
  | { kind: 'volunteer'; value: Volunteer }
  | { kind: 'activity'; value: VolunteerActivity }
  | { kind: 'participation'; value: Participation }
  | { kind: 'order'; value: ServiceOrder };
export type EntityKind = StoredEntity['kind'];
export type EntityOf<K extends EntityKind> = Extract<StoredEntity, { kind: K }>['value'];

/** One record a command created (before null) or changed, for the counters. */
export interface EntityUpdate {
  before: StoredEntity | null;
  after: StoredEntity;
}

/** What a stored change was; each takes one sequence number. */
export const CHANGE_KINDS = [
  'team.registered',
  'volunteer.registered',
  'activity.created',
  'activity.started',
  'activity.ended',
  'activity.cancelled',
  'participation.checkedIn',
  'participation.checkedOut',
  'order.created',
  'order.stage',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One stored change as listed by changesSince. */
export interface ActivityChange {
  seq: number;
  kind: ChangeKind;
  /** The record the change was made to (its id). */
  entityId: string;
  at: string;
}

/**
 * One write, validated and placed (grid assigned) by the ingestion layer. Times in epoch ms,
 * never ahead of the server's clock. A batch is applied in one transaction, in order; each
 * command that stores something takes the next seq.
 */
export type ActivityCommand =
  | { type: 'registerTeam'; id: string; name: string; regionId: string; atMs: number }
  | { type: 'registerVolunteer'; id: string; teamId: string; name: string; atMs: number }
  | {
      type: 'createActivity';
      id: string;
      teamId: string;
      activityType: ActivityType;
      title: string;
      description: string;
      gridId: string;
      lon: number | null;
      lat: number | null;
      plannedStartMs: number;
      plannedEndMs: number;
      atMs: number;
      actor: string;
    }
  | {
      type: 'activityAction';
      activityId: string;
      action: ActivityAction;
      actor: string;
      note: string;
      /** Required to end. */
      residentVisits?: number;
      atMs: number;
      expectedStatus?: ActivityStatus;
      /** Credits anyone still checked in when it ends. */
      rules: PointsRules;
    }
  | { type: 'checkIn'; id: string; activityId: string; volunteerId: string; atMs: number; actor: string }
  | { type: 'checkOut'; activityId: string; volunteerId: string; atMs: number; actor: string; rules: PointsRules }
  | {
      type: 'createOrder';
      id: string;
      category: ServiceCategory;
      gridId: string;
      lon: number | null;
      lat: number | null;
      description: string;
      requestedAtMs: number;
      actor: string;
    }
  | {
      type: 'orderStage';
      orderId: string;
      stage: OrderStage;
      actor: string;
      partnerUnit: string | null;
      rating: number | null;
      comment: string;
      atMs: number;
      expectedStage?: OrderStage;
    };

/**
 * - `busy`: the volunteer is checked in elsewhere (or here, under another check-in id);
 * - `stale`: the record is no longer in the state the caller expected;
 * - `invalid_time`: the time given contradicts what is stored (a check-out before its check-in).
 */
export type RefusalReason = 'not_allowed' | 'stale' | 'busy' | 'invalid_time';

export type ActivityOutcome =
  | { type: 'created'; seq: number; entity: StoredEntity; updates: EntityUpdate[] }
  | { type: 'changed'; seq: number; entity: StoredEntity; updates: EntityUpdate[]; stageChange: OrderStageChange | null }
  | { type: 'duplicate'; entity: StoredEntity }
  | { type: 'not_found'; what: EntityKind; id: string }
  | { type: 'refused'; reason: RefusalReason; message: string; allowed: string[]; entity: StoredEntity };

export interface ListQuery {
  /** Only records in these grids (activities, orders) or regions (teams); null for all. */
  placeIds: readonly string[] | null;
  /** Records with seq below this (the previous page's last seq). */
  beforeSeq?: number;
  limit: number;
}

/**
 * The durable store of the volunteer and service-card streams. Every stored change gets the
 * next sequence number (its own sequence, apart from the event store's). A promise that
 * resolves means the data is committed to disk (or to PostgreSQL). Writes come from one caller
 * at a time (the ActivityWriter), so seq order is the order counters are updated in.
 */
export interface ActivityStore {
  readonly kind: string;
  /** Creates or upgrades its tables (versioned migrations of its own). */
  migrate(): Promise<void>;
  /** Applies a batch in one transaction; one outcome per command, in order. */
  apply(batch: readonly ActivityCommand[]): Promise<ActivityOutcome[]>;
  /** The highest sequence number stored (0 when empty). */
  latestSeq(): Promise<number>;
  /**
   * Calls `visit` with every stored team, volunteer, activity, attendance and order (rebuild),
   * as of one moment; returns how many, and the seq that moment holds.
   */
  forEachEntity(visit: (e: StoredEntity) => void): Promise<{ records: number; seq: number }>;
  /**
   * Records whose latest change has a seq in (afterSeq, uptoSeq], in their current state: what
   * another process sharing the store changed (a record changed again later is left to the
   * range holding its latest change).
   */
  changedBetween(afterSeq: number, uptoSeq: number): Promise<StoredEntity[]>;
  getTeam(id: string): Promise<VolunteerTeam | null>;
  getActivity(id: string): Promise<VolunteerActivity | null>;
  getOrder(id: string): Promise<ServiceOrder | null>;
  /** A volunteer with their service totals, or null. */
  volunteerRecord(id: string): Promise<VolunteerRecord | null>;
  /** An activity's attendances, oldest first. */
  participationsOf(activityId: string): Promise<Participation[]>;
  orderHistory(orderId: string): Promise<OrderStageChange[]>;
  /** Newest (highest seq) first. */
  listTeams(q: ListQuery): Promise<VolunteerTeam[]>;
  listActivities(q: ListQuery & { statuses?: readonly ActivityStatus[]; types?: readonly ActivityType[]; teamId?: string }): Promise<VolunteerActivity[]>;
  listOrders(q: ListQuery & { stages?: readonly OrderStage[]; categories?: readonly ServiceCategory[] }): Promise<ServiceOrder[]>;
  /** Changes with seq > afterSeq, oldest first, at most `limit`. */
  changesSince(afterSeq: number, limit: number): Promise<ActivityChange[]>;
  close(): Promise<void>;
}
