import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEchart } from '../../components/use-echart';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const CHART_COLORS = ['#1659c7', '#d4380d', '#237804', '#7a4500', '#531dab'];

/**
 * One ECharts chart with a text summary for screen readers (the same numbers are in the table
 * next to it). The option is plain data, so it is compared as JSON to avoid needless redraws.
 */
export default function DashboardChart({ option, summary, height = 280 }: { option: object; summary: string; height?: number }) {
  const ref = useEchart({ color: CHART_COLORS, ...option });

  return (
    <div role="img" aria-label={summary}>
      <div ref={ref} style={{ height, width: '100%' }} />
    </div>
  );
}

/** A bar chart of named series over categories. */
export function barOption(categories: string[], series: { name: string; data: number[] }[], horizontal = false): object {
  const cat = { type: 'category', data: categories, axisLabel: { color: '#333', interval: 0, overflow: 'truncate', width: 120 } };
  const val = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: series.map((s) => ({ ...s, type: 'bar', barMaxWidth: 18 })),
  };
}
