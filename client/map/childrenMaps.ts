import type { FeatureCollection } from 'geojson';
import type { Hierarchy } from '../../shared/geo/hierarchy';
import type { RegionFeature, RegionGeometry } from '../../shared/geo/region';

/** Properties of a feature in a map we register: ECharts matches data to regions by `name`. */
export interface ChildFeatureProps {
  /** The region id, so data items and clicks carry ids, never ambiguous names. */
  name: string;
}

export type RegisterMap = (mapName: string, geoJson: FeatureCollection<RegionGeometry, ChildFeatureProps>) => void;

/**
 * Registers, once per region, a map of that region's children with ECharts. Registering parses
 * every polygon, so it is done the first time a region is drawn and the name reused afterwards.
 */
export function createChildrenMapRegistry(register: RegisterMap) {
  const registered = new Set<string>();
  return {
    /** Returns the ECharts map name for `regionId`'s children, registering it on first use. */
    ensure(regionId: string, hierarchy: Hierarchy, features: ReadonlyMap<string, RegionFeature>): string {
      const mapName = `children:${regionId}`;
      if (registered.has(regionId)) return mapName;
      const children = hierarchy.children(regionId);
      register(mapName, {
        type: 'FeatureCollection',
        features: children.flatMap((c) => {
          const f = features.get(c.id);
          return f ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { name: c.id } }] : [];
        }),
      });
      registered.add(regionId);
      return mapName;
    },
  };
}
