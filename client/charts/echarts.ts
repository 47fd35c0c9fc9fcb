/**
 * The one place ECharts is assembled: only the charts and components the screens use, so the
 * bundle carries nothing else (tree-shaken `echarts/core`).
 */
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import type {
  BarSeriesOption,
  LineSeriesOption,
  MapSeriesOption,
  PieSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type {
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  MapChart,
  BarChart,
  PieChart,
  LineChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };

export type WallChartOption = ComposeOption<
  | MapSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/**
 * For charts a live view moves on every second: no tweens, each change drawn in one frame.
 * Tweened (0.4–0.5 s a change), the hourly trend, the two mixes and the volunteer chart kept
 * their canvases repainting most of the time on a busy wall (about 95 repaints a second between
 * them, counted on the live wall at 600 reports a minute) for lines and bars that grow by a pixel.
 * Series that set their own durations (pie: 500 ms) take `animation: false` at series level too.
 */
export const liveChartMotion = { animation: false } as const satisfies WallChartOption;
