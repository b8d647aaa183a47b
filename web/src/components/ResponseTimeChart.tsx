// Loaded on demand (React.lazy): the charting library stays out of the first load.
import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';

export interface Bucket {
  start: string;
  avgMs?: number | null;
  p95Ms?: number | null;
  checks: number;
}

export default function ResponseTimeChart({ buckets, hours }: { buckets: Bucket[]; hours: number }) {
  const data = buckets.map((b) => ({
    time: new Date(b.start).toLocaleString(undefined, hours <= 24 ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' }),
    average: b.avgMs ?? null,
    p95: b.p95Ms ?? null,
  }));
  return (
    <LineChart
      h={240}
      data={data}
      dataKey="time"
      unit=" ms"
      connectNulls={false}
      withDots={false}
      series={[
        { name: 'average', color: 'indigo.6', label: 'Average' },
        { name: 'p95', color: 'orange.6', label: '95th percentile' },
      ]}
      withLegend
      curveType="monotone"
    />
  );
}
