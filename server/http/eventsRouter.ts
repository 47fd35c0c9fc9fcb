import { Router } from 'express';
import type { EventIngestion } from '../events/ingestEvents';

/** POST /api/events: 201 stored, 200 already stored (a retry), 400 bad field, 422 unknown place. */
export function eventsRouter(ingestion: EventIngestion): Router {
  const r = Router();
  r.post('/', async (req, res, next) => {
    try {
      const result = await ingestion.ingest(req.body);
      switch (result.kind) {
        case 'created':
          return res.status(201).location(`/api/events/${encodeURIComponent(result.event.id)}`).json({ event: result.event });
        case 'duplicate':
          return res.status(200).json({ event: result.event, duplicate: true });
        case 'invalid':
          return res.status(400).json({ error: 'invalid_event', message: describe(result.issues), issues: result.issues });
        case 'unplaceable':
          return res.status(422).json({ error: 'unknown_place', message: `${result.field}: ${result.message}`, issues: [{ field: result.field, message: result.message }] });
      }
    } catch (err) {
      next(err);
    }
  });
  return r;
}

function describe(issues: { field: string; message: string }[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}
