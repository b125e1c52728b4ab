import { Suspense, useId, type ReactNode } from 'react';

/**
 * A chart with its caption and the same figures as a table: the table is the chart's text
 * alternative, visible to everyone, not only to screen readers.
 */
export function ChartFrame({
  title,
  caption,
  chart,
  table,
  stacked = false,
}: {
  title: string;
  caption: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** The table under the chart rather than beside it, for tables too wide to sit beside one. */
  stacked?: boolean;
}) {
  const captionId = useId();
  return (
    <figure className="chart-frame" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="chart-title">{title}</span>
        <span className="chart-caption">{caption}</span>
      </figcaption>
      <div className={stacked ? 'chart-frame-body stacked' : 'chart-frame-body'}>
        <div className="chart-area">
          <Suspense fallback={<p role="status" className="chart-loading">Drawing the chart…</p>}>{chart}</Suspense>
        </div>
        <div className="chart-table">{table}</div>
      </div>
    </figure>
  );
}
