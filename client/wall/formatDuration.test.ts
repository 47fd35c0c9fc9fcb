import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration';

const zh = { hours: (n: number) => `${n}小时`, minutes: (n: number) => `${n}分` };

describe('formatDuration', () => {
  it.each([
    [59_999, '0分'],
    [60_000, '1分'],
    [3599_999, '59分'],
    [3600_000, '1小时'],
    [3600_000 + 20 * 60_000, '1小时20分'],
    [10 * 3600_000 + 5 * 60_000, '10小时'],
    [-(25 * 60_000), '25分'],
  ])('%d ms → %s', (ms, want) => expect(formatDuration(ms, zh)).toBe(want));
});
