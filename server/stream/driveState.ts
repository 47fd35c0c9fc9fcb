import type { WallFollow } from '../../shared/protocol/socketProtocol';

/**
 * Which wall screens are driven ("push to wall"), and by whom. Every process that serves wall
 * screens must see the same: a wall reconnecting to another process keeps following, and
 * GET /api/walls on any process tells who drives it. One process: MemoryDriveState; a cluster:
 * RedisDriveState (server/cluster/redisDriveState.ts).
 */
export interface DriveState {
  get(screenId: string): Promise<WallFollow | null>;
  all(): Promise<Map<string, WallFollow>>;
  set(screenId: string, follow: WallFollow): Promise<void>;
  delete(screenId: string): Promise<void>;
}

export class MemoryDriveState implements DriveState {
  private readonly driven = new Map<string, WallFollow>();

  async get(screenId: string): Promise<WallFollow | null> {
    return this.driven.get(screenId) ?? null;
  }

  async all(): Promise<Map<string, WallFollow>> {
    return new Map(this.driven);
  }

  async set(screenId: string, follow: WallFollow): Promise<void> {
    this.driven.set(screenId, follow);
  }

  async delete(screenId: string): Promise<void> {
    this.driven.delete(screenId);
  }
}
