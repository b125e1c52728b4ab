import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { agreementsQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';

/**
 * What the agreements hold for the portfolio or one force: the reviews and end dates falling due in
 * the next six months, the reviews the papers do not record, and those ended or of unknown standing.
 */
export function AgreementsDue({ force, forceName }: { force?: string; forceName?: string }) {
  const register = useQuery(agreementsQuery({ force, dueWithinMonths: 6 }));
  return (
    <section aria-labelledby="agreements-due-heading">
      <h2 id="agreements-due-heading">{forceName ? `${forceName}’s agreements` : 'Agreements: what falls due'}</h2>
      <QueryState query={register} what="the agreements">
        {(data) => {
          const due = data.agreements.filter((a) => a.fallingDue.length > 0);
          const notRecorded = data.agreements.filter((a) => a.reviewsNotRecorded.length > 0);
          const ended = data.agreements.filter((a) => a.status.kind === 'ended-or-unknown');
          if (data.agreements.length === 0) return <p className="empty">{forceName ?? 'No force'} is party to no agreement Realise holds.</p>;
          return (
            <ul data-testid="agreements-due">
              <li>
                {due.length === 0
                  ? `No review or end date falls before ${formatPaperDate(data.dueUntil)}.`
                  : due.map((a) => `${a.name}: ${a.fallingDue.map((d) => `${d.kind === 'review' ? 'review' : 'ends'} ${formatPaperDate(d.date)}`).join(', ')}`).join('; ')}
              </li>
              {notRecorded.length > 0 ? (
                <li>
                  A review has passed with none in the papers since:{' '}
                  {notRecorded.map((a) => `${a.name} (due by ${formatPaperDate(a.reviewsNotRecorded.at(-1)!.date)})`).join('; ')}.
                </li>
              ) : null}
              {ended.length > 0 ? <li>{ended.map((a) => `${a.name}: ${a.statusWords}`).join('; ')}.</li> : null}
              <li>
                <Link href={force ? `/agreements?force=${force}` : '/agreements'}>{force ? `The register of ${forceName}’s agreements` : 'The register of every agreement'}</Link>
              </li>
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
