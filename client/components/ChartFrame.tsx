import { Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { chartAsPng, pngFileName } from '../lib/chart-png';

/**
 * A chart with its caption and the same figures as a table: the table is the chart's text
 * alternative, visible to everyone, not only to screen readers. The chart itself is one Tab stop
 * (arrow keys move between its bars or points) and can be saved as a picture.
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
  const area = useRef<HTMLDivElement>(null);
  const drawn = useOneTabStop(area);
  return (
    <figure className="chart-frame" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="chart-title">{title}</span>
        <span className="chart-caption">{caption}</span>
      </figcaption>
      <div className={stacked ? 'chart-frame-body stacked' : 'chart-frame-body'}>
        <div className="chart-area" ref={area}>
          <Suspense fallback={<p role="status" className="chart-loading">Drawing the chart…</p>}>{chart}</Suspense>
          {drawn ? <SavePicture area={area} title={title} /> : null}
        </div>
        <div className="chart-table">{table}</div>
      </div>
    </figure>
  );
}

/**
 * Chromium puts each of recharts' layer groups in the Tab order (six stops a chart, one of them
 * 0×0, so focus seemed to vanish); the chart's surface is the one stop, and its arrow keys move
 * inside. Says whether a chart is drawn, for the picture button.
 */
function useOneTabStop(area: React.RefObject<HTMLDivElement | null>): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const tidy = () => {
      element.querySelectorAll('svg.recharts-surface g:not([tabindex])').forEach((layer) => layer.setAttribute('tabindex', '-1'));
      setDrawn(element.querySelector('svg.recharts-surface') !== null);
    };
    tidy();
    const observer = new MutationObserver(tidy);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [area]);
  return drawn;
}

function SavePicture({ area, title }: { area: React.RefObject<HTMLDivElement | null>; title: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    setProblem(null);
    try {
      const picture = await chartAsPng(area.current!, title);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(picture);
      link.download = pngFileName(title);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The chart could not be saved as a picture.');
    }
  };
  return (
    <p className="chart-actions no-print">
      <button type="button" className="link-button" onClick={() => void save()}>
        Save the chart as a picture (.png)<span className="visually-hidden">: {title}</span>
      </button>
      {problem ? <span role="alert" className="error-message"> {problem}</span> : null}
    </p>
  );
}
