/**
 * A wall screen is opened once with its link, `/?screen=<token>`: the token is traded for the
 * httpOnly screen cookie (POST /api/auth/screen; apart from a person's session cookie), and removed from the address bar so it is not
 * left on screen or in the history. Every request and the socket then carry the cookie.
 * Resolves false when the token was refused (revoked or mistyped).
 */
export async function adoptScreenLink(location: Location = window.location, history: History = window.history): Promise<boolean> {
  const url = new URL(location.href);
  const token = url.searchParams.get('screen');
  if (!token) return true;
  url.searchParams.delete('screen');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  try {
    const res = await fetch('/api/auth/screen', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'same-origin',
    });
    return res.ok;
  } catch {
    return false;
  }
}
