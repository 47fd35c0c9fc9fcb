import type { FeatureCollection } from 'geojson';
import type { Hierarchy } from '../../shared/geo/hierarchy';
import type { RegionFeature, RegionGeometry } from '../../shared/geo/region';

/** Properties of a feature in a map we register: ECharts matches data to regions by `name`. */
export interface ChildFeatureProps {
  /** The region id, so data items and clicks carry ids, never ambiguous names. */
  name: string;
}

export type RegisterMap = (mapName: string, geoJson: FeatureCollection<RegionGeometry, ChildFeatureProps>) => void;

/** ECharts map names of one region: its children (the heat map) and its own outline (the underlay). */
export interface RegionMapNames {
  children: string;
  outline: string;
}

/**
 * Registers, once per region, a map of that region's children and one of its outline with
 * ECharts. Registering parses every polygon, so it is done the first time a region is drawn
 * and the names reused afterwards.
 */
export function createChildrenMapRegistry(register: RegisterMap) {
  const registered = new Set<string>();
  return {
    /** Returns the ECharts map names for `regionId`, registering them on first use. */
    ensure(regionId: string, hierarchy: Hierarchy, features: ReadonlyMap<string, RegionFeature>): RegionMapNames {
      const names = { children: `children:${regionId}`, outline: `outline:${regionId}` };
      if (registered.has(regionId)) return names;
      const children = hierarchy.children(regionId);
      register(names.children, {
        type: 'FeatureCollection',
        features: children.flatMap((c) => {
          const f = features.get(c.id);
          return f ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { name: c.id } }] : [];
        }),
      });
      const own = features.get(regionId);
      register(names.outline, {
        type: 'FeatureCollection',
        features: own ? [{ type: 'Feature', geometry: own.geometry, properties: { name: regionId } }] : [],
      });
      registered.add(regionId);
      return names;
    },
  };
}
