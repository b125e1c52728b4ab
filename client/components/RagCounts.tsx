import { RAG_LABEL } from './RagBadge';

type Counts = { green: number; amber: number; red: number; none: number; notInPeriod: number };

/** How many functions are in each state: icon, word and number, never colour alone. */
export function RagCounts({ counts }: { counts: Counts }) {
  const items = [
    ['red', counts.red],
    ['amber', counts.amber],
    ['green', counts.green],
    ['none', counts.none],
  ] as const;
  return (
    <ul className="rag-counts" aria-label="Functions by status">
      {items.map(([rag, n]) => (
        <li key={rag} className={`rag rag-${rag}`} data-rag-count={rag}>
          <span className="rag-icon" aria-hidden="true">
            {RAG_LABEL[rag].icon}
          </span>
          <span className="rag-count-number">{n}</span> {RAG_LABEL[rag].word}
        </li>
      ))}
      {counts.notInPeriod > 0 ? (
        <li className="muted" data-rag-count="not-in-period">
          <span className="rag-count-number">{counts.notInPeriod}</span> with nothing due in this period
        </li>
      ) : null}
    </ul>
  );
}
