import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws. SVG: no eval, no inline script, so the page's strict CSP holds.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

interface EChartProps {
  labels: readonly string[];
  values: readonly (number | null)[];
  kind: 'bar' | 'line';
  name: string;
  /** Read by screen readers; the table view holds every value. */
  ariaLabel: string;
  /** A bar (or point) was clicked: its index in `labels`. */
  onPick(index: number): void;
}

/** One ECharts chart in a div of its own, resized with it, disposed with it. */
export function EChart({ labels, values, kind, name, ariaLabel, onPick }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') pick.current(params.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 48, right: 16, top: 16, bottom: 48 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: [...labels], axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value' },
        series: [{ type: kind, name, data: [...values], cursor: 'pointer', itemStyle: { color: '#2f5bd3' } }],
      },
      true,
    );
  }, [labels, values, kind, name]);

  return <div ref={element} className="echart" role="img" aria-label={ariaLabel} />;
}
