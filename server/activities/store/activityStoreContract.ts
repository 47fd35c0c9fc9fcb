import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POINTS_RULES } from '../../../shared/volunteers/pointsRules';
import type { ActivityCommand, ActivityOutcome, ActivityStore, StoredEntity } from './activityStore';

/** Opens a fresh, empty, migrated store; `reopen` opens the same data again (after close). */
export interface ActivityStoreHarness {
  store: ActivityStore;
  reopen(): Promise<ActivityStore>;
  cleanup(): Promise<void>;
}

export const T0 = Date.parse('2026-11-25T01:00:00Z');
const MIN = 60_000;
const GRID = '150602001001001';
const COMMUNITY = '150602001001';
const rules = DEFAULT_POINTS_RULES;

/** Commands with test defaults, for the contract and for other store tests. */
export const cmd = {
  team: (id: string, over: Partial<Extract<ActivityCommand, { type: 'registerTeam' }>> = {}): ActivityCommand => ({
    type: 'registerTeam',
    id,
    name: '曙光社区"红袖标"治安巡逻队 <b>',
    regionId: COMMUNITY,
    atMs: T0,
    ...over,
  }),
  volunteer: (id: string, teamId = 't1', over: Partial<Extract<ActivityCommand, { type: 'registerVolunteer' }>> = {}): ActivityCommand => ({
    type: 'registerVolunteer',
    id,
    teamId,
    name: '王阿姨',
    atMs: T0,
    ...over,
  }),
  activity: (id: string, over: Partial<Extract<ActivityCommand, { type: 'createActivity' }>> = {}): ActivityCommand => ({
    type: 'createActivity',
    id,
    teamId: 't1',
    activityType: 'security_patrol',
    title: '夜间治安巡逻',
    description: '',
    gridId: GRID,
    lon: 109.98,
    lat: 39.82,
    plannedStartMs: T0,
    plannedEndMs: T0 + 120 * MIN,
    atMs: T0 - 60 * MIN,
    actor: 'app:test',
    ...over,
  }),
  checkIn: (id: string, activityId: string, volunteerId: string, atMs = T0): ActivityCommand => ({ type: 'checkIn', id, activityId, volunteerId, atMs, actor: 'app:test' }),
  checkOut: (activityId: string, volunteerId: string, atMs: number): ActivityCommand => ({ type: 'checkOut', activityId, volunteerId, atMs, actor: 'app:test', rules }),
  act: (activityId: string, action: 'start' | 'end' | 'cancel', over: Partial<Extract<ActivityCommand, { type: 'activityAction' }>> = {}): ActivityCommand => ({
    type: 'activityAction',
    activityId,
    action,
    actor: '队长',
    note: '',
    residentVisits: action === 'end' ? 40 : undefined,
    atMs: T0 + 120 * MIN,
    rules,
    ...over,
  }),
  order: (id: string, over: Partial<Extract<ActivityCommand, { type: 'createOrder' }>> = {}): ActivityCommand => ({
    type: 'createOrder',
    id,
    category: 'legal',
    gridId: GRID,
    lon: null,
    lat: null,
    description: '咨询房屋租赁合同 & "押金" <script>',
    requestedAtMs: T0,
    actor: 'resident-app',
    ...over,
  }),
  stage: (orderId: string, stage: Extract<ActivityCommand, { type: 'orderStage' }>['stage'], over: Partial<Extract<ActivityCommand, { type: 'orderStage' }>> = {}): ActivityCommand => ({
    type: 'orderStage',
    orderId,
    stage,
    actor: '社区网格员',
    partnerUnit: stage === 'dispatched' ? '东胜区司法局' : null,
    rating: stage === 'rated' ? 5 : null,
    comment: '',
    atMs: T0 + 30 * MIN,
    ...over,
  }),
};

const valueOf = (o: ActivityOutcome): StoredEntity['value'] | null => ('entity' in o ? o.entity.value : null);

/** The behaviour every ActivityStore must have, run against each implementation. */
export function describeActivityStoreContract(name: string, open: () => Promise<ActivityStoreHarness>): void {
  describe(`ActivityStore contract: ${name}`, () => {
    const harnesses: ActivityStoreHarness[] = [];
    afterEach(async () => {
      for (const h of harnesses.splice(0)) await h.cleanup();
    });
    const fresh = async () => {
      const h = await open();
      harnesses.push(h);
      return h;
    };

    it('gives each stored change the next sequence number of its own', async () => {
      const { store } = await fresh();
      expect(await store.latestSeq()).toBe(0);
      const out = await store.apply([cmd.team('t1'), cmd.volunteer('v1'), cmd.activity('a1'), cmd.order('o1')]);
      expect(out.map((o) => o.type)).toEqual(['created', 'created', 'created', 'created']);
      expect(out.map((o) => (valueOf(o) as { seq: number }).seq)).toEqual([1, 2, 3, 4]);
      expect(await store.latestSeq()).toBe(4);
      expect((await store.changesSince(0, 10)).map((c) => [c.seq, c.kind, c.entityId])).toEqual([
        [1, 'team.registered', 't1'],
        [2, 'volunteer.registered', 'v1'],
        [3, 'activity.created', 'a1'],
        [4, 'order.created', 'o1'],
      ]);
      expect(await store.changesSince(2, 1)).toHaveLength(1);
    });

    it('never stores the same client id twice, within a batch or across batches', async () => {
      const { store } = await fresh();
      await store.apply([cmd.team('t1'), cmd.volunteer('v1'), cmd.activity('a1'), cmd.order('o1')]);
      const out = await store.apply([
        cmd.team('t1'),
        cmd.team('t2', { regionId: GRID }),
        cmd.team('t2'),
        cmd.volunteer('v1'),
        cmd.activity('a1'),
        cmd.order('o1'),
        cmd.order('o2'),
        cmd.order('o2'),
        cmd.checkIn('c1', 'a1', 'v1'),
        cmd.checkIn('c1', 'a1', 'v1'),
      ]);
      expect(out.map((o) => o.type)).toEqual(['duplicate', 'created', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'created', 'duplicate', 'created', 'duplicate']);
      expect(await store.latestSeq()).toBe(7);
      expect(await store.listTeams({ placeIds: null, limit: 10 })).toHaveLength(2);
      expect(await store.listOrders({ placeIds: null, limit: 10 })).toHaveLength(2);
      expect(await store.participationsOf('a1')).toHaveLength(1);
    });

    it('stores user text exactly as given', async () => {
      const { store } = await fresh();
      await store.apply([cmd.team('t1'), cmd.order('o1')]);
      expect((await store.getTeam('t1'))?.name).toBe('曙光社区"红袖标"治安巡逻队 <b>');
      expect((await store.getOrder('o1'))?.description).toBe('咨询房屋租赁合同 & "押金" <script>');
    });

    it('names what is missing: a volunteer of an unknown team, a check-in to an unknown activity or by an unknown volunteer', async () => {
      const { store } = await fresh();
      await store.apply([cmd.team('t1'), cmd.activity('a1')]);
      const out = await store.apply([cmd.volunteer('v1', 'nope'), cmd.checkIn('c1', 'zz', 'v1'), cmd.checkIn('c2', 'a1', 'ghost'), cmd.activity('a2', { teamId: 'nope' })]);
      expect(out).toEqual([
        { type: 'not_found', what: 'team', id: 'nope' },
        { type: 'not_found', what: 'activity', id: 'zz' },
        { type: 'not_found', what: 'volunteer', id: 'ghost' },
        { type: 'not_found', what: 'team', id: 'nope' },
      ]);
      expect(await store.latestSeq()).toBe(2);
    });

    it('checks volunteers in and out: the first check-in starts the activity, a check-out credits time and points', async () => {
      const { store } = await fresh();
      await store.apply([cmd.team('t1'), cmd.volunteer('v1'), cmd.volunteer('v2'), cmd.activity('a1')]);
      const [inV1, inV2] = await store.apply([cmd.checkIn('c1', 'a1', 'v1', T0 + 5 * MIN), cmd.checkIn('c2', 'a1', 'v2', T0 + 10 * MIN)]);
      expect(inV1).toMatchObject({ type: 'created', entity: { kind: 'participation', value: { id: 'c1', checkInAt: new Date(T0 + 5 * MIN).toISOString(), checkOutAt: null, gridId: GRID } } });
      expect(inV2.type).toBe('created');
      let a = (await store.getActivity('a1'))!;
      expect(a).toMatchObject({ status: 'ongoing', startedAt: new Date(T0 + 5 * MIN).toISOString(), checkedIn: 2, participants: 2 });

      // 95 min 30 s of service: 95 whole minutes, 15 points at 10 an hour.
      const [out] = await store.apply([cmd.checkOut('a1', 'v1', T0 + 100 * MIN + 30_000)]);
      expect(out).toMatchObject({ type: 'changed', entity: { kind: 'participation', value: { id: 'c1', creditedMs: 95 * MIN, points: 15 } } });
      const [retry] = await store.apply([cmd.checkOut('a1', 'v1', T0 + 101 * MIN)]);
      expect(retry).toMatchObject({ type: 'duplicate', entity: { value: { id: 'c1', creditedMs: 95 * MIN } } });

      // Back for a second session: a new attendance, not a new participant.
      await store.apply([cmd.checkIn('c3', 'a1', 'v1', T0 + 105 * MIN)]);
      a = (await store.getActivity('a1'))!;
      expect(a).toMatchObject({ checkedIn: 2, participants: 2 });

      // Ending checks out whoever is still in, at the end, in the same change.
      const [end] = await store.apply([cmd.act('a1', 'end', { residentVisits: 56, atMs: T0 + 125 * MIN, note: '服务居民56人次' })]);
      expect(end.type).toBe('changed');
      const endSeq = (valueOf(end) as { updatedSeq: number }).updatedSeq;
      expect(end.type === 'changed' && end.updates.map((u) => u.after.kind)).toEqual(['activity', 'participation', 'participation']);
      a = (await store.getActivity('a1'))!;
      expect(a).toMatchObject({ status: 'ended', residentVisits: 56, checkedIn: 0, endedAt: new Date(T0 + 125 * MIN).toISOString(), closedBy: '队长', note: '服务居民56人次' });
      const ps = await store.participationsOf('a1');
      expect(ps.map((p) => [p.id, p.creditedMs / MIN, p.points])).toEqual([
        ['c1', 95, 15],
        ['c2', 115, 19],
        ['c3', 20, 3],
      ]);
      expect(ps.filter((p) => p.updatedSeq === endSeq).map((p) => p.id)).toEqual(['c2', 'c3']);
      expect(await store.latestSeq()).toBe(endSeq);

      const rec = await store.volunteerRecord('v1');
      expect(rec).toMatchObject({ volunteer: { id: 'v1', teamId: 't1', regionId: COMMUNITY }, sessions: 2, serviceMs: 115 * MIN, points: 18, current: null });
      expect(await store.volunteerRecord('nobody')).toBeNull();
    });

    it('refuses check-ins and moves the activity does not allow, naming what is allowed, storing nothing', async () => {
      const { store } = await fresh();
      await store.apply([cmd.team('t1'), cmd.volunteer('v1'), cmd.volunteer('v2'), cmd.activity('a1'), cmd.activity('a2'), cmd.activity('a3')]);
      const seq0 = await store.latestSeq();
      const [endPlanned] = await store.apply([cmd.act('a1', 'end')]);
      expect(endPlanned).toMatchObject({ type: 'refused', reason: 'not_allowed', allowed: ['check-in', 'start', 'cancel'] });
      expect(endPlanned.type === 'refused' && endPlanned.message).toContain('cannot end an activity that is planned; allowed: check-in, start, cancel');
      const [outNotIn] = await store.apply([cmd.checkOut('a1', 'v1', T0)]);
      expect(outNotIn).toMatchObject({ type: 'refused', reason: 'not_allowed' });
      expect(await store.latestSeq()).toBe(seq0);

      await store.apply([cmd.checkIn('c1', 'a1', 'v1', T0 + 10 * MIN)]);
      const [busy, busyHere] = await store.apply([cmd.checkIn('c2', 'a2', 'v1'), cmd.checkIn('c3', 'a1', 'v1')]);
      expect(busy).toMatchObject({ type: 'refused', reason: 'busy', entity: { kind: 'participation', value: { id: 'c1' } } });
      expect(busy.type === 'refused' && busy.message).toContain('activity a1');
      expect(busyHere).toMatchObject({ type: 'refused', reason: 'busy' });
      const [early] = await store.apply([cmd.checkOut('a1', 'v1', T0 + 5 * MIN)]);
      expect(early).toMatchObject({ type: 'refused', reason: 'invalid_time' });
      const [stale] = await store.apply([cmd.act('a1', 'end', { expectedStatus: 'planned' })]);
      expect(stale).toMatchObject({ type: 'refused', reason: 'stale' });

      const [cancel, cancelAgain] = await store.apply([cmd.act('a3', 'cancel', { note: '下雨取消' }), cmd.act('a3', 'cancel')]);
      expect(cancel).toMatchObject({ type: 'changed', entity: { value: { status: 'cancelled', note: '下雨取消', startedAt: null } } });
      expect(cancelAgain.type).toBe('duplicate');
      const [inCancelled] = await store.apply([cmd.checkIn('c4', 'a3', 'v2')]);
      expect(inCancelled).toMatchObject({ type: 'refused', reason: 'not_allowed', allowed: [] });
      expect(inCancelled.type === 'refused' && inCancelled.message).toContain('allowed: none (final)');

      const [end, endAgain, endOther] = await store.apply([
        cmd.act('a1', 'end', { residentVisits: 12 }),
        cmd.act('a1', 'end', { residentVisits: 12 }),
        cmd.act('a1', 'end', { residentVisits: 13 }),
      ]);
      expect(end.type).toBe('changed');
      expect(endAgain.type).toBe('duplicate');
      expect(endOther).toMatchObject({ type: 'refused', reason: 'not_allowed', allowed: [] });
      const [inEnded] = await store.apply([cmd.checkIn('c5', 'a1', 'v2')]);
      expect(inEnded).toMatchObject({ type: 'refused', reason: 'not_allowed' });
      // The volunteer is free again once the activity ended.
      const [freed] = await store.apply([cmd.checkIn('c6', 'a2', 'v1')]);
      expect(freed.type).toBe('created');
    });

    it('walks a service order 点单 → 下单 → 接单 → 完成 → 评价 with a time stamp and history per stage', async () => {
      const { store } = await fresh();
      await store.apply([cmd.order('o1')]);
      const out = await store.apply([
        cmd.stage('o1', 'dispatched', { atMs: T0 + 10 * MIN, partnerUnit: '东胜区司法局' }),
        cmd.stage('o1', 'accepted', { atMs: T0 + 40 * MIN, actor: '司法局王律师' }),
        cmd.stage('o1', 'done', { atMs: T0 + 3 * 60 * MIN }),
        cmd.stage('o1', 'rated', { atMs: T0 + 4 * 60 * MIN, rating: 4, comment: '很耐心' }),
      ]);
      expect(out.map((o) => o.type)).toEqual(['changed', 'changed', 'changed', 'changed']);
      const o = (await store.getOrder('o1'))!;
      const at = (m: number) => new Date(T0 + m * MIN).toISOString();
      expect(o).toMatchObject({
        stage: 'rated',
        requestedAt: at(0),
        dispatchedAt: at(10),
        acceptedAt: at(40),
        doneAt: at(180),
        ratedAt: at(240),
        cancelledAt: null,
        partnerUnit: '东胜区司法局',
        rating: 4,
        ratingComment: '很耐心',
        updatedSeq: 5,
      });
      const h = await store.orderHistory('o1');
      expect(h.map((s) => [s.seq, s.fromStage, s.toStage])).toEqual([
        [1, null, 'requested'],
        [2, 'requested', 'dispatched'],
        [3, 'dispatched', 'accepted'],
        [4, 'accepted', 'done'],
        [5, 'done', 'rated'],
      ]);
      expect(h[1]).toMatchObject({ partnerUnit: '东胜区司法局', actor: '社区网格员' });
      expect(h[2]).toMatchObject({ actor: '司法局王律师', partnerUnit: null });
      expect(h[4]).toMatchObject({ rating: 4, comment: '很耐心' });
    });

    it('refuses illegal stage changes naming the allowed ones; a partner unit may decline; a retry stores nothing', async () => {
      const { store } = await fresh();
      await store.apply([cmd.order('o1'), cmd.order('o2')]);
      const [skip] = await store.apply([cmd.stage('o1', 'done')]);
      expect(skip).toMatchObject({ type: 'refused', reason: 'not_allowed', allowed: ['dispatched', 'cancelled'] });
      expect(skip.type === 'refused' && skip.message).toBe('cannot move an order that is requested to done; allowed: dispatched, cancelled');
      const [declineFresh] = await store.apply([cmd.stage('o1', 'requested')]);
      expect(declineFresh.type).toBe('refused');

      const [d1, d1again, d1other] = await store.apply([
        cmd.stage('o1', 'dispatched', { partnerUnit: '就业服务中心' }),
        cmd.stage('o1', 'dispatched', { partnerUnit: '就业服务中心' }),
        cmd.stage('o1', 'dispatched', { partnerUnit: '别的单位' }),
      ]);
      expect([d1.type, d1again.type, d1other.type]).toEqual(['changed', 'duplicate', 'refused']);
      const [declined] = await store.apply([cmd.stage('o1', 'requested', { actor: '就业服务中心', comment: '超出服务范围' })]);
      expect(declined).toMatchObject({ type: 'changed', entity: { value: { stage: 'requested', partnerUnit: null, dispatchedAt: null } } });
      const [stale] = await store.apply([cmd.stage('o1', 'dispatched', { expectedStage: 'dispatched' })]);
      expect(stale).toMatchObject({ type: 'refused', reason: 'stale', allowed: ['dispatched', 'cancelled'] });

      // Stage times never run backwards.
      await store.apply([cmd.stage('o2', 'dispatched', { atMs: T0 + 60 * MIN }), cmd.stage('o2', 'accepted', { atMs: T0 + 30 * MIN })]);
      const o2 = (await store.getOrder('o2'))!;
      expect(o2.acceptedAt).toBe(o2.dispatchedAt);

      const [cancelAccepted] = await store.apply([cmd.stage('o2', 'cancelled')]);
      expect(cancelAccepted).toMatchObject({ type: 'refused', allowed: ['done'] });
      const [cancel] = await store.apply([cmd.stage('o1', 'cancelled')]);
      expect(cancel).toMatchObject({ type: 'changed', entity: { value: { stage: 'cancelled' } } });
      const [missing] = await store.apply([cmd.stage('nope', 'dispatched')]);
      expect(missing).toEqual({ type: 'not_found', what: 'order', id: 'nope' });
    });

    it('lists newest first by place and filters, paging without skipping or repeating', async () => {
      const { store } = await fresh();
      const cmds: ActivityCommand[] = [cmd.team('t1'), cmd.team('t2', { regionId: GRID })];
      for (let i = 0; i < 12; i++) {
        cmds.push(cmd.activity(`a${i}`, { gridId: i % 2 ? 'g-odd' : 'g-even', activityType: i % 3 ? 'sanitation' : 'elderly_care', teamId: i % 4 ? 't1' : 't2' }));
        cmds.push(cmd.order(`o${i}`, { gridId: i % 2 ? 'g-odd' : 'g-even', category: i % 3 ? 'meal' : 'legal' }));
      }
      await store.apply(cmds);
      await store.apply([cmd.act('a0', 'cancel'), cmd.stage('o0', 'cancelled')]);
      const seen: string[] = [];
      let beforeSeq: number | undefined;
      for (;;) {
        const page = await store.listActivities({ placeIds: null, limit: 5, beforeSeq });
        if (page.length === 0) break;
        seen.push(...page.map((a) => a.id));
        beforeSeq = page[page.length - 1].seq;
      }
      expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `a${11 - i}`));
      expect((await store.listActivities({ placeIds: ['g-odd'], limit: 50 })).map((a) => a.id)).toEqual(['a11', 'a9', 'a7', 'a5', 'a3', 'a1']);
      expect((await store.listActivities({ placeIds: null, types: ['elderly_care'], statuses: ['planned'], limit: 50 })).map((a) => a.id)).toEqual(['a9', 'a6', 'a3']);
      expect((await store.listActivities({ placeIds: null, teamId: 't2', limit: 50 })).map((a) => a.id)).toEqual(['a8', 'a4', 'a0']);
      expect((await store.listOrders({ placeIds: ['g-even'], categories: ['legal'], limit: 50 })).map((o) => o.id)).toEqual(['o6', 'o0']);
      expect((await store.listOrders({ placeIds: null, stages: ['cancelled'], limit: 50 })).map((o) => o.id)).toEqual(['o0']);
      expect((await store.listTeams({ placeIds: [GRID], limit: 50 })).map((t) => t.id)).toEqual(['t2']);
      expect(await store.listOrders({ placeIds: [], limit: 50 })).toEqual([]);
    });

    it('finds the records changed in a range of seqs, in their current state', async () => {
      const { store } = await fresh();
      await store.apply([cmd.team('t1'), cmd.volunteer('v1'), cmd.activity('a1'), cmd.order('o1')]); // 1–4
      await store.apply([cmd.checkIn('c1', 'a1', 'v1'), cmd.stage('o1', 'dispatched')]); // 5–6
      await store.apply([cmd.act('a1', 'end')]); // 7: the activity and the attendance it closed
      const ids = async (a: number, b: number) => (await store.changedBetween(a, b)).map((e) => `${e.kind}:${e.value.id}`).sort();
      expect(await ids(0, 2)).toEqual(['team:t1', 'volunteer:v1']);
      expect(await ids(2, 6)).toEqual(['order:o1']); // a1 and c1 changed again at 7
      expect(await ids(6, 7)).toEqual(['activity:a1', 'participation:c1']);
      const [a1] = (await store.changedBetween(6, 7)).filter((e) => e.kind === 'activity');
      expect(a1.value).toMatchObject({ status: 'ended', updatedSeq: 7 });
      expect(await store.changedBetween(7, 100)).toEqual([]);
    });

    it('visits every record for a rebuild, and keeps everything across a reopen', async () => {
      const h = await fresh();
      await h.store.apply([cmd.team('t1'), cmd.volunteer('v1'), cmd.activity('a1'), cmd.checkIn('c1', 'a1', 'v1'), cmd.order('o1'), cmd.stage('o1', 'dispatched')]);
      const kinds: string[] = [];
      expect(await h.store.forEachEntity((e) => kinds.push(`${e.kind}:${e.value.id}`))).toEqual({ records: 5, seq: 6 });
      expect(kinds.sort()).toEqual(['activity:a1', 'order:o1', 'participation:c1', 'team:t1', 'volunteer:v1']);
      const before = await h.store.getActivity('a1');
      await h.store.close();
      const again = await h.reopen();
      await again.migrate(); // idempotent
      expect(await again.latestSeq()).toBe(6);
      expect(await again.getActivity('a1')).toEqual(before);
      expect((await again.getOrder('o1'))?.stage).toBe('dispatched');
      const [dup] = await again.apply([cmd.order('o1')]);
      expect(dup.type).toBe('duplicate');
    });
  });
}
