import { echarts } from '../charts/echarts';
import { createChildrenMapRegistry } from './childrenMaps';

/**
 * The page's one registry: ECharts keeps registered maps globally, so the cache that prevents
 * re-registering must be global too.
 */
export const mapRegistry = createChildrenMapRegistry((name, geoJson) =>
  echarts.registerMap(name, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]),
);
