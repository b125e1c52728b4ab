import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { legendText, tooltipText } from '../../components/legend';
import { formatMeasure, formatMeasureWithUnit } from '../../lib/measure';
import { formatPaperDate } from '../../lib/dates';

type Point = { date: string; valueMilli: number };

/** A benefit's path: its measures over time, with its baseline and target as lines across. Loaded lazily. */
export default function BenefitChart({ points, baselineMilli, targetMilli, unit = null }: { points: readonly Point[]; baselineMilli: number | null; targetMilli: number | null; unit?: string | null }) {
  // The axis must reach the target and the baseline, or their lines would fall off the chart.
  const values = [...points.map((p) => p.valueMilli), ...(baselineMilli === null ? [] : [baselineMilli]), ...(targetMilli === null ? [] : [targetMilli])];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(1, Math.round((high - low) * 0.1));
  return (
    <LineChart responsive style={{ width: '100%', height: 300 }} data={[...points]} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      {/* Dates as the papers write them, and the measure's unit on its axis. */}
      <XAxis dataKey="date" tick={{ fontSize: 13 }} tickFormatter={(d: string) => formatPaperDate(d)} />
      <YAxis
        tickFormatter={(v: number) => formatMeasure(v)}
        width={80}
        tick={{ fontSize: 13 }}
        domain={[Math.max(0, low - pad), high + pad]}
        label={unit ? { value: unit, angle: -90, position: 'insideLeft', fill: '#0b0c0c', fontSize: 13 } : undefined}
      />
      <Tooltip {...tooltipText} labelFormatter={(d) => formatPaperDate(String(d))} formatter={(v) => (typeof v === 'number' ? formatMeasureWithUnit(v, unit) : String(v))} />
      <Legend itemSorter={null} formatter={legendText} />
      {baselineMilli !== null ? <ReferenceLine y={baselineMilli} stroke="#3D3D3D" strokeDasharray="2 4" label={{ value: 'Baseline', position: 'insideTopLeft', fill: '#0b0c0c' }} /> : null}
      {targetMilli !== null ? <ReferenceLine y={targetMilli} stroke="#12436D" strokeWidth={2} label={{ value: 'Target', position: 'insideTopLeft', fill: '#0b0c0c' }} /> : null}
      <Line type="linear" dataKey="valueMilli" name="Measured" stroke="#28A197" strokeWidth={3} dot={{ r: 5 }} isAnimationActive={false} />
    </LineChart>
  );
}
