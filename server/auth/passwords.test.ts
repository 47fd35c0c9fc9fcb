import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { hashApiToken, newApiToken, TOKEN_PREFIX } from './apiTokens';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const h = await hashPassword('网格-2026!');
    expect(h.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('网格-2026!', h)).toBe(true);
    expect(await verifyPassword('网格-2026', h)).toBe(false);
    expect(await hashPassword('网格-2026!')).not.toBe(h);
  });

  it('refuses anything against a malformed or dummy hash', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', DUMMY_HASH)).toBe(false);
  });
});

describe('api tokens', () => {
  it('are random, prefixed, and stored only as their hash', () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });
});
