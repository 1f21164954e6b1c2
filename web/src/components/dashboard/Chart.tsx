// One ECharts chart, loaded on demand: the library arrives with the first chart that mounts, never with a page's
// first script. A click on a bar or point reports its index (the figure's records open from it).
import { useEffect, useRef } from 'react';

type Option = Record<string, unknown>;

export function Chart({
  option,
  height = 220,
  testId,
  onPick,
}: {
  option: Option;
  height?: number;
  testId?: string;
  onPick?: (dataIndex: number, seriesIndex: number) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts.ts').then(({ echarts }) => {
      const node = el.current;
      if (disposed || !node) return;
      const chart = echarts.init(node, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, ...option });
      chart.on('click', (p) => pick.current?.(p.dataIndex, p.seriesIndex ?? 0));
      // The chart follows its box: the grid settling after the data arrives, a narrower window, the paper's width
      // when printed (and the screen's again after).
      const resize = () => chart.resize();
      const observer = new ResizeObserver(resize);
      observer.observe(node);
      window.addEventListener('beforeprint', resize);
      window.addEventListener('afterprint', resize);
      node.dataset.ready = 'true';
      dispose = () => {
        observer.disconnect();
        window.removeEventListener('beforeprint', resize);
        window.removeEventListener('afterprint', resize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return <div ref={el} className="dash-chart" style={{ width: '100%', height }} data-testid={testId} />;
}
