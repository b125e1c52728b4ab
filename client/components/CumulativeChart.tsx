import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../lib/dates';
import { formatMoney, formatMoneyShort } from '../lib/money';
import { legendText, tooltipText } from './legend';

export type CumulativePoint = { month: string; cumulativeTargetPence: number; cumulativeDeliveredPence: number };


/** Cumulative delivery against the cumulative target, month by month. Target solid, delivered dashed. */
export default function CumulativeChart({ points, height = 300 }: { points: readonly CumulativePoint[]; height?: number }) {
  return (
    <LineChart responsive style={{ width: '100%', height }} data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="month" tickFormatter={formatMonth} minTickGap={24} tick={{ fontSize: 13 }} />
      <YAxis tickFormatter={(value: number) => formatMoneyShort(value)} width={72} tick={{ fontSize: 13 }} />
      <Tooltip {...tooltipText} labelFormatter={(label) => formatMonth(String(label))} formatter={(value) => (typeof value === 'number' ? formatMoney(value) : String(value))} />
      <Legend itemSorter={null} formatter={legendText} />
      <Line type="stepAfter" dataKey="cumulativeTargetPence" name="Cumulative target" stroke="#12436D" strokeWidth={3} dot={false} isAnimationActive={false} />
      <Line
        type="stepAfter"
        dataKey="cumulativeDeliveredPence"
        name="Cumulative delivered (dashed)"
        stroke="#28A197"
        strokeWidth={3}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
