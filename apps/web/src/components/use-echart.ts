import * as echarts from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';

type ClickHandler = (params: { seriesName?: string; name?: string }) => void;

/**
 * One ECharts instance on a div: created once, resized with its box, disposed on unmount; the option
 * is plain data, compared as JSON so that a re-render with the same numbers does not redraw. The
 * caller registers the chart types it uses (`echarts.use`), so a page loads only its own.
 */
export function useEchart(option: object, onClick?: ClickHandler): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  const optionJson = JSON.stringify(option);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const chart = ref.current && echarts.getInstanceByDom(ref.current);
    if (!chart) return;
    chart.setOption(JSON.parse(optionJson), { notMerge: true });
    chart.off('click');
    if (onClick) chart.on('click', (p) => onClick(p as Parameters<ClickHandler>[0]));
  }, [optionJson, onClick]);

  return ref;
}
