import { IllustrativeTag } from './Illustrative';
import { Money } from './Money';

/** What was delivered in a period, or why nothing shows: none recorded, or only for the whole year. */
export function Delivered({
  pence,
  yearlyOnly = false,
  illustrative = false,
  qualifier = null,
}: {
  pence: number | null;
  yearlyOnly?: boolean;
  illustrative?: boolean;
  qualifier?: string | null | undefined;
}) {
  return (
    <>
      {pence === null ? <span className="muted">{yearlyOnly ? 'recorded for the whole year only' : 'none recorded'}</span> : <Money pence={pence} qualifier={qualifier} />}
      {illustrative ? (
        <span className="cell-note">
          <IllustrativeTag />
        </span>
      ) : null}
    </>
  );
}
