import { Router } from 'express';
import { closureRate, meanHandlingHours, onTimeRate } from '../../shared/aggregates/indicators';
import type { RegionCounters } from '../../shared/aggregates/regionCounters';
import type { Region } from '../../shared/geo/region';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import type { GeoContext } from '../geo/geoContext';
import { requirePermission } from '../auth/httpAuth';
import { covers, outOfScope } from '../auth/access';

/** A region's counters with the rates derived from them. */
export function regionIndicators(region: Region, c: RegionCounters) {
  return {
    region,
    counters: c,
    closureRate: closureRate(c),
    onTimeRate: onTimeRate(c),
    meanHandlingHours: meanHandlingHours(c),
  };
}

/** GET /api/regions/:id: indicators of a region at any level and of each of its children. */
export function regionsRouter(geo: GeoContext, aggregates: RegionAggregates): Router {
  const r = Router();
  r.get('/:id', requirePermission('stream.watch'), (req, res) => {
    const h = geo.current.hierarchy;
    const id = req.params.id as string;
    const region = h.get(id);
    if (!region) return res.status(404).json({ error: 'not_found', message: `no region ${id}` });
    if (!covers(res, h, region.id)) return outOfScope(res, region.id);
    aggregates.rollOverIfNewDay();
    res.json({
      ...regionIndicators(region, aggregates.get(region.id)!),
      path: h.path(region.id).map((id) => ({ id, name: h.get(id)!.name, level: h.get(id)!.level })),
      children: h.children(region.id).map((c) => regionIndicators(c, aggregates.get(c.id)!)),
    });
  });
  return r;
}
