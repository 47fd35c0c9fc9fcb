import { describe, expect, it } from 'vitest';
import { loginFailure } from './loginFailure';

const fail = (status: number, retryAfterS?: number) => ({ ok: false as const, status, error: 'x', message: 'm', body: null, ...(retryAfterS === undefined ? {} : { retryAfterS }) });

describe('loginFailure', () => {
  it('says only "wrong username or password" for a 401 (and for a malformed form)', () => {
    expect(loginFailure(fail(401))).toEqual({ reason: 'invalid' });
    expect(loginFailure(fail(400))).toEqual({ reason: 'invalid' });
  });
  it('turns Retry-After seconds into whole minutes, at least one, on both sides of a minute', () => {
    expect(loginFailure(fail(429, 60))).toEqual({ reason: 'throttled', retryAfterMinutes: 1 });
    expect(loginFailure(fail(429, 61))).toEqual({ reason: 'throttled', retryAfterMinutes: 2 });
    expect(loginFailure(fail(429, 1))).toEqual({ reason: 'throttled', retryAfterMinutes: 1 });
    expect(loginFailure(fail(429))).toEqual({ reason: 'throttled', retryAfterMinutes: 1 });
  });
  it('tells a network failure from a server error', () => {
    expect(loginFailure(fail(0))).toEqual({ reason: 'network' });
    expect(loginFailure(fail(503))).toEqual({ reason: 'server', status: 503, message: 'm' });
  });
});
