import { DEFINITIONS } from '../../server/contracts/words';

/** "How to read these figures": the one meaning of each term, beside the figures that use it. */
export function HowToRead() {
  return (
    <details className="how-to-read" data-testid="how-to-read">
      <summary>How to read these figures</summary>
      <dl>
        {DEFINITIONS.map((d) => (
          <div key={d.term}>
            <dt>{d.term}</dt>
            <dd>{d.meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
