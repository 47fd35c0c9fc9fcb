import { afterEach, describe, expect, it } from 'vitest';
import type { NewAlert } from '../../shared/alerts/alertRules';
import type { AlertStore } from './alertStore';

const T0 = Date.parse('2026-11-25T01:00:00Z');
export const newAlert = (id: string, over: Partial<NewAlert> = {}): NewAlert => ({
  id, kind: 'critical_event', eventId: id.split(':')[1] ?? null, regionId: '150602001001001', severity: 'critical',
  title: '【非常紧急】<b>燃气</b>', detail: { category: 'safety_hazard' }, raisedAtMs: T0, ...over,
});

/** Behaviour every AlertStore must have, run against each implementation. */
export function describeAlertStoreContract(name: string, open: () => Promise<{ store: AlertStore; cleanup(): Promise<void> }>): void {
  describe(`AlertStore contract: ${name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0)) await c();
    });
    const fresh = async () => {
      const h = await open();
      cleanups.push(h.cleanup);
      await h.store.migrate();
      await h.store.migrate(); // harmless twice
      return h.store;
    };

    it('raises an alert once per id however often its rule fires', async () => {
      const s = await fresh();
      const first = await s.raise(newAlert('critical_event:e1'));
      const again = await s.raise(newAlert('critical_event:e1', { title: 'other' }));
      expect(first).toMatchObject({ created: true, alert: { state: 'new', title: '【非常紧急】<b>燃气</b>', detail: { category: 'safety_hazard' }, raisedAt: new Date(T0).toISOString() } });
      expect(again).toMatchObject({ created: false, alert: { title: '【非常紧急】<b>燃气</b>' } });
      expect(await s.openAlerts()).toHaveLength(1);
    });

    it('is acknowledged then handled, recording who and when, with rising seqs', async () => {
      const s = await fresh();
      const { alert } = await s.raise(newAlert('critical_event:e1'));
      const ack = await s.act(alert.id, 'acknowledge', '值班员李四', T0 + 1000);
      expect(ack).toMatchObject({ type: 'changed', alert: { state: 'acknowledged', acknowledgedBy: '值班员李四', acknowledgedAt: new Date(T0 + 1000).toISOString() } });
      const done = await s.act(alert.id, 'handle', '值班员李四', T0 + 2000);
      expect(done).toMatchObject({ type: 'changed', alert: { state: 'handled', handledBy: '值班员李四' } });
      if (ack.type === 'changed' && done.type === 'changed') expect(done.alert.seq).toBeGreaterThan(ack.alert.seq);
      expect(await s.openAlerts()).toEqual([]);
      expect((await s.get(alert.id))?.state).toBe('handled');
    });

    it('refuses acting on an alert someone else just handled, saying who', async () => {
      const s = await fresh();
      const { alert } = await s.raise(newAlert('overdue:e2', { kind: 'overdue' }));
      await s.act(alert.id, 'handle', '王五', T0 + 1);
      const late = await s.act(alert.id, 'acknowledge', '赵六', T0 + 2, 'new');
      expect(late).toMatchObject({ type: 'refused', reason: 'stale' });
      expect(late.type === 'refused' && late.message).toContain('王五');
      expect(await s.act(alert.id, 'handle', '赵六', T0 + 3)).toMatchObject({ type: 'refused', reason: 'not_allowed' });
      expect(await s.act('nope', 'handle', '赵六', T0)).toEqual({ type: 'not_found' });
    });

    it('lists by state and region, newest first, in pages', async () => {
      const s = await fresh();
      for (let i = 0; i < 5; i++) await s.raise(newAlert(`critical_event:e${i}`, { regionId: i % 2 ? 'g-odd' : 'g-even' }));
      await s.act('critical_event:e0', 'handle', 'x', T0);
      const open = await s.list({ states: ['new'], regionIds: null, limit: 10 });
      expect(open.map((a) => a.id)).toEqual(['critical_event:e4', 'critical_event:e3', 'critical_event:e2', 'critical_event:e1']);
      expect((await s.list({ regionIds: ['g-odd'], limit: 10 })).map((a) => a.id)).toEqual(['critical_event:e3', 'critical_event:e1']);
      const page1 = await s.list({ regionIds: null, limit: 2 });
      const page2 = await s.list({ regionIds: null, limit: 10, beforeSeq: page1[1].seq });
      expect(new Set([...page1, ...page2].map((a) => a.id)).size).toBe(5);
    });
  });
}
