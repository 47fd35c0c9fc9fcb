import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * Last stop for errors: body-parser's own (malformed JSON 400, too large 413, wrong charset 415)
 * keep their status with a clear message; anything else is logged and answered 500 without detail.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    const messages: Record<string, string> = {
      'entity.too.large': 'request body too large',
      'entity.parse.failed': 'body is not valid JSON',
      'encoding.unsupported': 'unsupported body encoding',
      'charset.unsupported': 'unsupported charset',
    };
    const message = status < 500 ? (messages[err?.type] ?? String(err?.message ?? 'bad request')) : 'internal error';
    res.status(status).json({ error: status === 413 ? 'too_large' : status < 500 ? 'bad_request' : 'internal', message });
  };
}
