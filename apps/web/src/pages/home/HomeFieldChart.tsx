import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useEchart } from '../../components/use-echart';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface FieldCount {
  field: string;
  results: number;
  needs: number;
}

/**
 * Published results and needs by field (counted by the search API's facets). Loaded on its own
 * (React.lazy) so the home page's first script stays small. A bar opens the search on that field.
 */
export default function HomeFieldChart({ data }: { data: FieldCount[] }) {
  const navigate = useNavigate();
  const rows = [...data].reverse(); // the largest at the top of a horizontal bar chart
  const summary = data.map((d) => `${d.field}：成果 ${d.results} 项，需求 ${d.needs} 项`).join('；');
  const option = {
    color: ['#1659c7', '#d4380d'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['科技成果', '技术需求'], top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.field), axisLabel: { color: '#333' } },
    series: [
      { name: '科技成果', type: 'bar', data: rows.map((r) => r.results), barMaxWidth: 12 },
      { name: '技术需求', type: 'bar', data: rows.map((r) => r.needs), barMaxWidth: 12 },
    ],
  };
  const openField = useCallback(
    (p: { seriesName?: string; name?: string }) => {
      if (!p.name) return;
      const type = p.seriesName === '技术需求' ? 'need' : 'result';
      navigate(`/search?type=${type}&field=${encodeURIComponent(p.name)}`);
    },
    [navigate],
  );
  const ref = useEchart(option, openField);

  return (
    <div role="img" aria-label={`已发布的科技成果与技术需求按产业领域统计：${summary}`}>
      <div ref={ref} style={{ height: Math.max(260, rows.length * 30 + 60), width: '100%' }} />
    </div>
  );
}
