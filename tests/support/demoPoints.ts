import { pointOnFeature } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { GeographyCollection } from '../../shared/geo/region';
import { DEMO_GEOGRAPHY } from '../../server/geo/geographyPath';

export interface DemoGrid {
  id: string;
  communityId: string;
  streetId: string;
  /** The street's name, as the wall shows it. */
  streetName: string;
  lon: number;
  lat: number;
}

/** Grids of the shipped demo geography, each with a WGS-84 point inside it. */
export function demoGrids(): DemoGrid[] {
  const geo = JSON.parse(readFileSync(DEMO_GEOGRAPHY, 'utf8')) as GeographyCollection;
  const parent = new Map(geo.features.map((f) => [f.properties.id, f.properties.parentId]));
  const name = new Map(geo.features.map((f) => [f.properties.id, f.properties.name]));
  return geo.features
    .filter((f) => f.properties.level === 'grid')
    .map((f) => {
      const [lon, lat] = pointOnFeature(f).geometry.coordinates;
      const communityId = f.properties.parentId!;
      const streetId = parent.get(communityId)!;
      return { id: f.properties.id, communityId, streetId, streetName: name.get(streetId)!, lon, lat };
    });
}
