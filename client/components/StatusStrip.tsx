import type { StatusHistory } from '../../server/contracts/functions';
import { RAG_LABEL } from './RagBadge';

/**
 * A function's status at each quarter end of the period, then now: "amber at the last Summit, red
 * now". Each point is its shape and a short word, and the whole strip reads as one sentence to a
 * screen reader; never colour alone.
 */
export function StatusStrip({ history, slug }: { history: StatusHistory; slug: string }) {
  const statuses = history.functions.find((f) => f.slug === slug)?.statuses;
  if (!statuses || statuses.length < 2) return null;
  const said = history.points.map((p, i) => `${i === history.points.length - 1 ? `now (${p.label})` : p.label}: ${RAG_LABEL[statuses[i]!].word.toLowerCase()}`).join('; ');
  return (
    <span className="status-strip" data-testid={`status-strip-${slug}`}>
      <span className="visually-hidden">Status over time: {said}.</span>
      <span aria-hidden="true">
        {statuses.map((rag, i) => (
          <span key={history.points[i]!.asAt} className={`rag rag-${rag} strip-point`} title={`${history.points[i]!.label}: ${RAG_LABEL[rag].word}`}>
            <span className="rag-icon">{RAG_LABEL[rag].icon}</span>
          </span>
        ))}
      </span>
    </span>
  );
}
