import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryDriveState, type DriveState } from '../stream/driveState';
import { RedisDriveState } from './redisDriveState';

const redisUrl = process.env.REDIS_URL;
const follow = { regionId: '150602001', metric: 'open' as const, by: '演示领导', since: '2026-11-25T05:00:00.000Z' };

function contract(name: string, make: () => DriveState) {
  describe(name, () => {
    it('keeps, lists and forgets who drives which screen', async () => {
      const s = make();
      expect(await s.get('wall-1')).toBeNull();
      await s.set('wall-1', follow);
      await s.set('wall-2', { ...follow, regionId: '150602' });
      expect(await s.get('wall-1')).toEqual(follow);
      expect([...(await s.all()).keys()].sort()).toEqual(['wall-1', 'wall-2']);
      await s.delete('wall-1');
      expect(await s.get('wall-1')).toBeNull();
      expect([...(await s.all()).keys()]).toEqual(['wall-2']);
    });
  });
}

contract('MemoryDriveState', () => new MemoryDriveState());

describe.skipIf(!redisUrl)('RedisDriveState (REDIS_URL)', () => {
  const client = createClient({ url: redisUrl });
  const prefix = `gp-test-${randomBytes(4).toString('hex')}`;
  const log = pino({ level: 'silent' });
  beforeAll(async () => void (await client.connect()));
  afterAll(async () => {
    await client.del(`${prefix}:walls:driven`);
    await client.quit();
  });

  contract('one hash shared by every process', () => new RedisDriveState(client, prefix, log));

  it('is seen by another process (another client on the same key)', async () => {
    const other = client.duplicate();
    await other.connect();
    try {
      await new RedisDriveState(client, prefix, log).set('wall-9', follow);
      expect(await new RedisDriveState(other, prefix, log).get('wall-9')).toEqual(follow);
    } finally {
      await other.quit();
    }
  });

  it('reads a value it cannot parse as not driven', async () => {
    await client.hSet(`${prefix}:walls:driven`, 'wall-x', '{not json');
    await client.hSet(`${prefix}:walls:driven`, 'wall-y', JSON.stringify({ regionId: 1 }));
    const s = new RedisDriveState(client, prefix, log);
    expect(await s.get('wall-x')).toBeNull();
    expect((await s.all()).has('wall-y')).toBe(false);
  });
});
