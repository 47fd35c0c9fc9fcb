import { CATEGORY_CODES, SOURCE_CODES } from '../../shared/events/categories';
import { demoGrids, type DemoGrid } from '../../tests/support/demoPoints';

const DESCRIPTIONS = ['井盖缺失，请尽快处置', '楼道堆放杂物，存在消防隐患', '邻里噪音纠纷', '路灯不亮', '垃圾清运不及时', '独居老人需要上门探访'];

/**
 * Valid POST /api/events bodies at a point inside a demo grid, all with distinct client ids
 * `${prefix}${n}` (n is the caller's sequence number, so the id maps back to it without a lookup).
 * Severity: every fifth urgent, the rest normal; with `criticalEvery` set, every criticalEvery-th
 * event (n % criticalEvery === criticalEvery - 1) is critical, which raises an alert.
 */
export class EventBodies {
  readonly grids: DemoGrid[] = demoGrids();
  constructor(
    readonly prefix: string,
    private readonly criticalEvery = 0,
  ) {}

  isCritical(n: number): boolean {
    return this.criticalEvery > 0 && n % this.criticalEvery === this.criticalEvery - 1;
  }

  gridOf(n: number): DemoGrid {
    // A multiplicative step spreads consecutive events over the district.
    return this.grids[(n * 7919) % this.grids.length];
  }

  body(n: number, reportedAtMs = Date.now()): string {
    const g = this.gridOf(n);
    return JSON.stringify({
      clientId: `${this.prefix}${n}`,
      category: CATEGORY_CODES[n % CATEGORY_CODES.length],
      severity: this.isCritical(n) ? 'critical' : n % 5 === 0 ? 'urgent' : 'normal',
      source: SOURCE_CODES[n % SOURCE_CODES.length],
      location: { lon: g.lon, lat: g.lat },
      description: DESCRIPTIONS[n % DESCRIPTIONS.length],
      reportedAt: new Date(reportedAtMs).toISOString(),
    });
  }
}
