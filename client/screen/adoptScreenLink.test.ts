import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptScreenLink } from './adoptScreenLink';

function fakeWindow(href: string) {
  const location = { href } as Location;
  const history = { state: null, replaceState: vi.fn((_s: unknown, _t: string, url: string) => (location.href = new URL(url, href).href)) } as unknown as History;
  return { location, history };
}

describe('adoptScreenLink', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('trades ?screen= for the cookie and takes it out of the address bar, keeping the rest', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const w = fakeWindow('http://wall.local/?kiosk=1&screen=gp_secret&tour=60');
    expect(await adoptScreenLink(w.location, w.history)).toBe(true);
    expect(w.location.href).toBe('http://wall.local/?kiosk=1&tour=60');
    expect(fetch).toHaveBeenCalledWith('/api/auth/screen', expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: 'gp_secret' }) }));
  });

  it('says so when the token is refused, and does nothing without one', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 401 })));
    const w = fakeWindow('http://wall.local/?screen=gp_revoked');
    expect(await adoptScreenLink(w.location, w.history)).toBe(false);
    const plain = fakeWindow('http://wall.local/');
    expect(await adoptScreenLink(plain.location, plain.history)).toBe(true);
    expect(plain.history.replaceState).not.toHaveBeenCalled();
  });
});
