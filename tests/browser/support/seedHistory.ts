import { CATEGORY_CODES, SOURCE_CODES } from '../../../shared/events/categories';
import { ApiPath } from '../../../shared/protocol/socketProtocol';
import { demoGrids } from '../../support/demoPoints';

/** Relative weight of reports by hour of day (China time): quiet nights, busy mornings and evenings. */
const RHYTHM = [0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.4, 1.6, 1.5, 1.3, 1.0, 1.1, 1.3, 1.4, 1.4, 1.3, 1.2, 1.1, 0.9, 0.7, 0.5, 0.3];
const DESCRIPTIONS = ['楼道堆放杂物', '路灯不亮', '垃圾满溢未清运', '邻里噪音纠纷', '占道经营', '井盖缺失', '独居老人需探访', '暖气不热', '违规停车堵塞消防通道', '小区绿化带破损'];
const HOUR = 3600_000;

/** A small seeded random source, so every run seeds the same history. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * Gives a fresh server a past, so the wall is seen as it looks in service rather than on its
 * first minute: `count` reports over the last 40 hours following a daily rhythm (so "yesterday"
 * has a curve), most of those older than two hours worked through the closed loop to closure
 * over the API. Urgent ones left open past 24 h turn overdue, as they would.
 */
export async function seedHistory(baseUrl: string, headers: { ingest: Record<string, string>; officer: Record<string, string> }, count = 700, seed = 6): Promise<void> {
  const random = lcg(seed);
  const grids = demoGrids();
  const now = Date.now();
  const weights = Array.from({ length: 40 }, (_, i) => RHYTHM[new Date(now - (i + 1) * HOUR + 8 * HOUR).getUTCHours()]);
  const total = weights.reduce((a, b) => a + b, 0);
  const reports: { body: object; close: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    let r = random() * total;
    let h = 0;
    while (h < weights.length - 1 && (r -= weights[h]) > 0) h++;
    const at = now - (h + 1) * HOUR + random() * HOUR;
    const g = grids[Math.floor(random() * grids.length)];
    const sev = random();
    reports.push({
      body: {
        clientId: `seed-${seed}-${i}`,
        category: CATEGORY_CODES[Math.floor(random() * CATEGORY_CODES.length)],
        severity: sev < 0.9 ? 'normal' : 'urgent',
        source: SOURCE_CODES[Math.min(SOURCE_CODES.length - 1, Math.floor(random() ** 1.6 * SOURCE_CODES.length))],
        location: { lon: g.lon, lat: g.lat },
        description: DESCRIPTIONS[Math.floor(random() * DESCRIPTIONS.length)],
        reportedAt: new Date(Math.min(at, now - 60_000)).toISOString(),
      },
      close: now - at > 2 * HOUR && random() < 0.88,
    });
  }
  const post = async (path: string, body: object, h: Record<string, string>): Promise<Response> => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: h, body: JSON.stringify(body) });
    if (!res.ok && res.status !== 409) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  await pool(reports, 12, async ({ body, close }) => {
    const res = await post(ApiPath.events, body, headers.ingest);
    const { event } = (await res.json()) as { event: { id: string } };
    if (!close) return;
    const moves = [{ action: 'accept' }, { action: 'dispatch', unit: '社区服务站' }, { action: 'start' }, { action: 'resolve' }, { action: 'close' }];
    for (const m of moves) await post(`${ApiPath.events}/${encodeURIComponent(event.id)}/transitions`, { ...m, actor: 'seed' }, headers.officer);
  });
}
