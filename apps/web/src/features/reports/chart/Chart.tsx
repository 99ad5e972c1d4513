import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useState, type ComponentType } from 'react';

type EChartComponent = ComponentType<{ option: EChartsCoreOption; height: number }>;

let loaded: EChartComponent | null = null;
/** ECharts is fetched with the first chart shown, never with the app's first screen. */
function loadEChart(): Promise<EChartComponent> {
  return import('./EChart').then((module) => (loaded = module.default));
}

/**
 * A chart with a text alternative: `label` says in words what it shows (the figures are
 * in the table beside it), for screen readers and axe.
 */
export function Chart({
  option,
  label,
  height = 320,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const [EChart, setEChart] = useState<EChartComponent | null>(() => loaded);
  useEffect(() => {
    if (EChart) return;
    let live = true;
    void loadEChart().then((component) => live && setEChart(() => component));
    return () => {
      live = false;
    };
  }, [EChart]);
  return (
    <figure className="tn-chart" role="img" aria-label={label} style={{ margin: 0 }}>
      {EChart ? (
        <EChart option={option} height={height} />
      ) : (
        <Skeleton.Node active style={{ width: '100%', height }} />
      )}
    </figure>
  );
}
