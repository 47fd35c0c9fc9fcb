import { Router } from 'express';
import type { Region } from '../../../shared/geo/region';
import { volunteerIndicators } from '../../../shared/volunteers/volunteerIndicators';
import { serviceCardIndicators } from '../../../shared/serviceCards/serviceCardIndicators';
import type { GeoContext } from '../../geo/geoContext';
import type { ActivityCounters } from '../aggregates/activityCounters';
import type { Authorize } from './authorize';
import { idOf } from './apiResult';

/** GET /api/regions/:id/activities: volunteer and service-card indicators of a region and of each of its children. */
export function regionActivitiesRouter(deps: { geo: GeoContext; counters: ActivityCounters; authorize: Authorize }): Router {
  const { geo, counters, authorize } = deps;
  const r = Router();
  const of = (region: Region) => ({
    region,
    volunteer: volunteerIndicators(counters.volunteer.get(region.id)),
    serviceCard: serviceCardIndicators(counters.serviceCard.get(region.id)),
  });
  r.get('/regions/:id/activities', authorize('watch'), (req, res) => {
    const h = geo.current.hierarchy;
    const region = h.get(idOf(req));
    if (!region) return res.status(404).json({ error: 'not_found', message: `no region ${idOf(req)}` });
    res.json({
      ...of(region),
      path: h.path(region.id).map((id) => ({ id, name: h.get(id)!.name, level: h.get(id)!.level })),
      children: h.children(region.id).map(of),
    });
  });
  return r;
}
