import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocation } from 'wouter';
import { formatMoney, formatMoneyShort } from '../lib/money';
import { legendText, tooltipText } from './legend';

export type TargetDeliveredRow = {
  label: string;
  targetPence: number;
  deliveredPence: number | null;
  forecastPence?: number | null;
  /** Where a click on the row's bars goes: what they show (the same link is in the chart's table, for the keyboard). */
  href?: string;
};

// The Government Analysis Function's accessible palette: target dark blue, delivered turquoise,
// forecast dark pink and hatched, so no series is told apart by colour alone.
const TARGET = '#12436D';
const DELIVERED = '#28A197';
const FORECAST = '#801650';

// The tooltip lists the series in the key's order (target, delivered, forecast), not by name.
const keepSeriesOrder = () => 0;

/** Target against delivered (and forecast, where any is recorded) as grouped bars. Loaded lazily. */
export default function TargetDeliveredChart({
  rows,
  height = 320,
  tickSize = 13,
  tooltipOn = 'hover',
}: {
  rows: readonly TargetDeliveredRow[];
  height?: number;
  tickSize?: number;
  /** 'click' on a slide: a new slide drawn under a resting pointer would otherwise open a tooltip over its bars. */
  tooltipOn?: 'hover' | 'click';
}) {
  const [, navigate] = useLocation();
  const drill = rows.some((row) => row.href)
    ? { cursor: 'pointer', onClick: (bar: { payload?: TargetDeliveredRow }) => bar.payload?.href && navigate(bar.payload.href) }
    : {};
  const hasForecast = rows.some((row) => row.forecastPence !== null && row.forecastPence !== undefined);
  const data = rows.map((row) => ({ ...row, deliveredPence: row.deliveredPence ?? 0 }));
  if (data.every((row) => row.targetPence === 0 && row.deliveredPence === 0 && !row.forecastPence)) {
    return <p className="chart-empty">Nothing to draw: every figure here is £0. The table gives them.</p>;
  }
  return (
    <BarChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <defs>
        <pattern id="forecast-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={FORECAST} strokeWidth="4" />
        </pattern>
      </defs>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" interval={0} tick={{ fontSize: tickSize }} />
      <YAxis tickFormatter={(value: number) => formatMoneyShort(value)} width={tickSize * 5.5} tick={{ fontSize: tickSize }} />
      <Tooltip {...tooltipText} trigger={tooltipOn} itemSorter={keepSeriesOrder} formatter={(value) => (typeof value === 'number' ? formatMoney(value) : String(value))} />
      <Legend itemSorter={null} formatter={legendText} />
      <Bar dataKey="targetPence" name="Target" fill={TARGET} isAnimationActive={false} {...drill} />
      <Bar dataKey="deliveredPence" name="Delivered" fill={DELIVERED} isAnimationActive={false} {...drill} />
      {hasForecast ? (
        <Bar dataKey="forecastPence" name="Forecast (hatched)" fill="url(#forecast-hatch)" stroke={FORECAST} isAnimationActive={false} {...drill} />
      ) : null}
    </BarChart>
  );
}
