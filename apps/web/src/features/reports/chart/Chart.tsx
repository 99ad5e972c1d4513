import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

// ECharts is loaded with the first chart shown, never with the app's first screen.
const EChart = lazy(() => import('./EChart'));

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
  return (
    <figure className="tn-chart" role="img" aria-label={label} style={{ margin: 0 }}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
        <EChart option={option} height={height} />
      </Suspense>
    </figure>
  );
}
