// Loaded on demand (React.lazy): the charting library stays out of the first load.
import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { downAreas } from '../pages/monitors/monitorView';

export interface Bucket {
  start: string;
  avgMs?: number | null;
  p95Ms?: number | null;
  checks: number;
  failed: number;
}

/**
 * Average and 95th percentile response times of successful checks; stretches where checks
 * failed are shaded red (failed checks have no response time to plot).
 */
export default function ResponseTimeChart({ buckets, hours }: { buckets: Bucket[]; hours: number }) {
  const label = (iso: string) => new Date(iso).toLocaleString(undefined, hours <= 24 ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' });
  const full = (iso: string) => new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const data = buckets.map((b) => ({
    start: b.start,
    average: b.avgMs ?? null,
    p95: b.p95Ms ?? null,
  }));
  const areas = downAreas(buckets);
  return (
    <div data-testid="response-chart" data-down-areas={areas.length}>
      <LineChart
        h={240}
        data={data}
        dataKey="start"
        unit=" ms"
        connectNulls={false}
        withDots={false}
        xAxisProps={{ tickFormatter: label, minTickGap: 24 }}
        tooltipProps={{ labelFormatter: (value) => full(String(value)) }}
        referenceAreas={areas.map((a) => ({ x1: a.x1, x2: a.x2, color: 'red.5', fillOpacity: 0.15, ifOverflow: 'extendDomain' as const }))}
        series={[
          { name: 'average', color: 'indigo.6', label: 'Average' },
          { name: 'p95', color: 'orange.6', label: '95th percentile' },
        ]}
        withLegend
        curveType="monotone"
      />
    </div>
  );
}
