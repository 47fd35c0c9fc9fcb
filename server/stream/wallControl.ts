import type { Logger } from 'pino';
import type { Principal } from '../../shared/auth/principal';
import { inScope } from '../../shared/auth/scope';
import { SocketEvent, type WallAck, type WallFollow } from '../../shared/protocol/socketProtocol';
import { wallPushSchema, wallReleaseSchema } from '../../shared/protocol/wallSchemas';
import type { AuditTrail } from '../audit/auditTrail';
import type { GeoContext } from '../geo/geoContext';
import type { IoServer } from './streamHub';
import { MemoryDriveState, type DriveState } from './driveState';

type Skipped = { screen: string; reason: string };

/** Room of every wall screen, and of one wall screen (all its open pages). */
export const WALLS_ROOM = 'walls';
export const screenRoom = (screenId: string) => `screen:${screenId}`;

export interface WallInfo {
  id: string;
  name: string;
  scopeRegionId: string | null;
  /** Open pages of this screen (a wall may be several browsers). */
  connections: number;
  drivenBy: string | null;
  follow: WallFollow | null;
}

/**
 * "Push to wall": a leader sends a view to wall screens, which follow it (showing who drives)
 * until released. The drive state is in `state` (shared by every process of a cluster); emits
 * reach screens on every process through the Socket.io adapter.
 */
export class WallControl {
  private ioServer: IoServer | null = null;

  constructor(
    private readonly geo: GeoContext,
    private readonly audit: AuditTrail,
    private readonly log: Logger,
    private readonly state: DriveState = new MemoryDriveState(),
  ) {}

  /** The socket server, once it exists (it is made after the HTTP app that lists walls). */
  attach(io: IoServer): void {
    this.ioServer = io;
  }

  private get io(): IoServer {
    if (!this.ioServer) throw new Error('WallControl used before attach(io)');
    return this.ioServer;
  }

  /** A wall screen's page connected: it follows the drive in force, if any. */
  wallConnected(screenId: string): Promise<WallFollow | null> {
    return this.state.get(screenId);
  }

  /** Connected wall screens the principal may drive, with who drives each. */
  async list(who: Principal): Promise<WallInfo[]> {
    const h = this.geo.current.hierarchy;
    const byId = new Map<string, WallInfo>();
    const driven = await this.state.all();
    for (const s of await this.io.in(WALLS_ROOM).fetchSockets()) {
      const p = s.data.principal as Principal | undefined;
      if (!p || p.kind !== 'screen') continue;
      if (!this.mayDrive(who, p, h)) continue;
      const w = byId.get(p.id) ?? { id: p.id, name: p.name, scopeRegionId: p.scopeRegionId, connections: 0, drivenBy: null, follow: null };
      w.connections++;
      const f = driven.get(p.id) ?? null;
      w.follow = f;
      w.drivenBy = f?.by ?? null;
      byId.set(p.id, w);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  /** A leader whose scope covers the screen's may drive it. */
  private mayDrive(who: Principal, screen: Principal, h = this.geo.current.hierarchy): boolean {
    if (who.scopeRegionId === null) return true;
    return screen.scopeRegionId !== null && inScope(h, who.scopeRegionId, screen.scopeRegionId);
  }

  private async targets(who: Principal, requested: string[]): Promise<{ ids: string[]; skipped: Skipped[] }> {
    const walls = await this.list(who);
    const all = requested.includes('*');
    const ids = all ? walls.map((w) => w.id) : requested.filter((id) => walls.some((w) => w.id === id));
    const skipped = all ? [] : requested.filter((id) => !ids.includes(id)).map((screen) => ({ screen, reason: 'not connected, or outside your scope' }));
    return { ids, skipped };
  }

  async push(who: Principal, raw: unknown, ip: string): Promise<WallAck> {
    const parsed = wallPushSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problem: { code: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } };
    const { regionId, metric, screens } = parsed.data;
    const h = this.geo.current.hierarchy;
    if (!h.get(regionId)) return { ok: false, problem: { code: 'unknown_region', message: `unknown region ${regionId}` } };
    if (!inScope(h, who.scopeRegionId, regionId)) return { ok: false, problem: { code: 'unauthorised', message: `region ${regionId} is outside your scope` } };
    const { ids, skipped } = await this.targets(who, screens);
    const walls = await this.list(who);
    const follow: WallFollow = { regionId, metric, by: who.name, since: new Date().toISOString() };
    const done: string[] = [];
    for (const id of ids) {
      const wall = walls.find((w) => w.id === id)!;
      // A community's screen shows only its community: it cannot follow a view outside it.
      if (!inScope(h, wall.scopeRegionId, regionId)) {
        skipped.push({ screen: id, reason: `region ${regionId} is outside the screen's scope` });
        continue;
      }
      await this.state.set(id, follow);
      this.io.to(screenRoom(id)).emit(SocketEvent.wallFollow, follow);
      done.push(id);
    }
    await this.audit.record(who, 'wall.push', done.join(',') || '(none)', { regionId, metric, skipped }, ip);
    this.log.info({ by: who.id, regionId, screens: done }, 'view pushed to wall screens');
    return { ok: true, screens: done, skipped };
  }

  async release(who: Principal, raw: unknown, ip: string): Promise<WallAck> {
    const parsed = wallReleaseSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problem: { code: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } };
    const { ids, skipped } = await this.targets(who, parsed.data.screens);
    for (const id of ids) {
      await this.state.delete(id);
      this.io.to(screenRoom(id)).emit(SocketEvent.wallReleased, { by: who.name });
    }
    await this.audit.record(who, 'wall.release', ids.join(',') || '(none)', { skipped }, ip);
    return { ok: true, screens: ids, skipped };
  }
}
