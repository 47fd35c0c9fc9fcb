import type { Logger } from 'pino';
import type { WallFollow } from '../../shared/protocol/socketProtocol';
import { wallFollowSchema } from '../../shared/protocol/wallSchemas';
import type { DriveState } from '../stream/driveState';

/** The Redis hash commands used (a connected node-redis client has them). */
export interface HashCommands {
  hGet(key: string, field: string): Promise<unknown>;
  hGetAll(key: string): Promise<unknown>;
  hSet(key: string, field: string, value: string): Promise<unknown>;
  hDel(key: string, field: string): Promise<unknown>;
}

/**
 * The drive state of wall screens in one Redis hash (`<prefix>:walls:driven`, screen id → the
 * WallFollow as JSON), shared by every process of a cluster. A value that does not parse (written
 * by another version) reads as not driven, and is logged.
 */
export class RedisDriveState implements DriveState {
  private readonly key: string;

  constructor(
    private readonly redis: HashCommands,
    keyPrefix: string,
    private readonly log: Logger,
  ) {
    this.key = `${keyPrefix}:walls:driven`;
  }

  private parse(screenId: string, raw: string | null | undefined): WallFollow | null {
    if (!raw) return null;
    try {
      const p = wallFollowSchema.safeParse(JSON.parse(raw));
      if (p.success) return p.data;
    } catch {
      /* fall through */
    }
    this.log.warn({ screenId, key: this.key }, 'unreadable wall drive state ignored');
    return null;
  }

  async get(screenId: string): Promise<WallFollow | null> {
    return this.parse(screenId, (await this.redis.hGet(this.key, screenId)) as string | null);
  }

  async all(): Promise<Map<string, WallFollow>> {
    const out = new Map<string, WallFollow>();
    for (const [id, raw] of Object.entries((await this.redis.hGetAll(this.key)) as Record<string, string>)) {
      const f = this.parse(id, raw);
      if (f) out.set(id, f);
    }
    return out;
  }

  async set(screenId: string, follow: WallFollow): Promise<void> {
    await this.redis.hSet(this.key, screenId, JSON.stringify(follow));
  }

  async delete(screenId: string): Promise<void> {
    await this.redis.hDel(this.key, screenId);
  }
}
