import type { z } from 'zod';

/** What a call to the API came to: the validated body, or why not (status 0: no answer at all). */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: string; message: string; body: unknown; retryAfterS?: number };

export interface ApiRequest<S extends z.ZodType> {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
  /** What a 2xx body must look like; its output is what the caller gets. */
  schema: S;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Injected for tests. Default the page's fetch. */
  fetch?: typeof fetch;
  /**
   * Told of every 401: the session is gone (expired, logged out elsewhere, or never was), so the
   * page can send its user to the log-in page. Not told of a 401 from the log-in call itself.
   */
  onUnauthenticated?: () => void;
}

export type ApiClient = <S extends z.ZodType>(path: string, req: ApiRequest<S>) => Promise<ApiResult<z.output<S>>>;

/**
 * A JSON client for the page's own /api: the session cookie travels by itself (same origin,
 * httpOnly), every 2xx body is checked against a schema (typed responses are no validation), and
 * every failure comes back as a value naming the status, the server's error code and message —
 * never as an exception, so a panel can show it and carry on.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async (path, req) => {
    let res: Response;
    try {
      res = await doFetch(path, {
        method: req.method ?? 'GET',
        headers: req.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        credentials: 'same-origin',
        signal: req.signal,
      });
    } catch (err) {
      return { ok: false, status: 0, error: 'network', message: err instanceof Error ? err.message : String(err), body: null };
    }
    const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      if (res.status === 401 && !path.endsWith('/auth/login')) options.onUnauthenticated?.();
      const b = (body ?? {}) as { error?: unknown; message?: unknown };
      return {
        ok: false,
        status: res.status,
        error: typeof b.error === 'string' ? b.error : `http_${res.status}`,
        message: typeof b.message === 'string' ? b.message : res.statusText,
        body,
        ...retryAfter(res),
      };
    }
    const parsed = req.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      console.error(`[api] ${path}: unexpected answer`, parsed.error.issues);
      return { ok: false, status: res.status, error: 'bad_response', message: `${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected'}`, body };
    }
    return { ok: true, status: res.status, data: parsed.data };
  };
}

/** Seconds from a Retry-After header (a 429), when it has one in seconds. */
function retryAfter(res: Response): { retryAfterS?: number } {
  const n = Number(res.headers.get('retry-after'));
  return res.headers.has('retry-after') && Number.isFinite(n) && n >= 0 ? { retryAfterS: n } : {};
}
