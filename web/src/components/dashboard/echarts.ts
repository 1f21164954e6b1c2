// ECharts for the dashboard, piece by piece (line and bar charts, grid/tooltip/legend, the SVG renderer — sharp
// on paper when the page is printed). Imported dynamically by Chart.tsx, so it is a chunk of its own.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
