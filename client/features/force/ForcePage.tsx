import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { AgreementsDue } from '../agreements/AgreementsDue';
import { ForceNetBenefit } from './ForceNetBenefit';
import { Link } from 'wouter';
import type { ForceDetail } from '../../../server/contracts/forces';
import { forceQuery } from '../../api/queries';
import { ChartFrame } from '../../components/ChartFrame';
import { IllustrativeNote, IllustrativeTag } from '../../components/Illustrative';
import { Downloads } from '../../components/Downloads';
import { Money } from '../../components/Money';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { SortableTable, type Column } from '../../components/SortableTable';
import { SourceButton } from '../../components/SourceButton';
import { formatFiscalYear, formatPaperDate } from '../../lib/dates';
import { BASIS_LABEL } from '../../lib/labels';
import { partsCaption } from '../../lib/money';
import { shareWords } from '../../../server/contracts/words';
import { useViewParams, withView, type ViewParams } from '../../lib/url';
import { usePageTitle } from '../../lib/page';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

export function ForcePage({ slug }: { slug: string }) {
  const view = useViewParams();
  const detail = useQuery(forceQuery(slug, view));
  return (
    <QueryState
      query={detail}
      what="the force"
      notFound={(message) => (
        <NotFound title="No such force" message={message}>
          Go back to the <Link href={withView('/', view)}>portfolio</Link>.
        </NotFound>
      )}
    >
      {(data) => <ForceView detail={data} view={view} />}
    </QueryState>
  );
}


function ForceView({ detail, view }: { detail: ForceDetail; view: ViewParams }) {
  const { force, functions } = detail;
  usePageTitle(force.name);
  const illustrative = functions.some((f) => f.isIllustrative);
  return (
    <article>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href={withView('/', view)}>Portfolio</Link>
          </li>
          <li aria-current="page">{force.name}</li>
        </ol>
      </nav>
      <h1>{force.name}</h1>
      <p className="lead" data-testid="view-scope">
        Its share of every collaborated function it belongs to: {detail.period.description}, as at {formatPaperDate(detail.asAt)}.
      </p>
      <Downloads path={`/api/export/forces/${force.slug}`} query={{ period: view.period, asAt: view.asAt }} what="this force’s figures" />

      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">Collaborations and when it joined</h2>
        {detail.memberships.length === 0 ? (
          <p className="empty" role="status" data-testid="no-memberships">
            {force.name} is not a member of any collaboration Realise holds, so it has no share of any function’s savings.
          </p>
        ) : (
        <table className="data-table compact" data-testid="memberships">
          <caption>{force.name}’s memberships, with the other members and when they joined</caption>
          <thead>
            <tr>
              <th scope="col">Collaboration</th>
              <th scope="col">Joined</th>
              <th scope="col">Other members</th>
              <th scope="col">Where it stands</th>
            </tr>
          </thead>
          <tbody>
            {detail.memberships.map((m) => (
              <tr key={`${m.collaboration}-${m.joinedOn}`} data-membership={m.collaboration}>
                <th scope="row">{m.collaborationName}</th>
                <td>
                  {formatPaperDate(m.joinedOn)}
                  {m.leftOn ? `; left ${formatPaperDate(m.leftOn)}` : ''} <SourceButton sourceIds={[m.sourceId]} figure={`the date ${force.name} joined`} />
                  {m.note ? <span className="cell-note">{m.note}</span> : null}
                </td>
                <td>
                  {m.otherMembers.map((o, i) => (
                    <span key={o.force}>
                      {i > 0 ? ', ' : ''}
                      <Link href={withView(`/forces/${o.force}`, view)}>{o.forceName}</Link>
                      {o.joinedOn !== m.joinedOn ? ` (joined ${formatPaperDate(o.joinedOn)})` : ''}
                    </span>
                  ))}
                </td>
                <td>{m.standing}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </section>

      <section aria-labelledby="force-functions-heading">
        <h2 id="force-functions-heading">Its share of each function</h2>
        {illustrative ? <IllustrativeNote /> : null}
        {functions.length === 0 ? (
          <p className="empty" role="status">
            {force.name} has no share of any function’s savings in {detail.period.description}. Choose another period.
          </p>
        ) : (
          <ChartFrame
            title={`${force.name}: target against delivered, by function${illustrative ? ' (illustrative shares)' : ''}`}
            caption={partsCaption(functions)}
            chart={
              <TargetDeliveredChart
                rows={functions.map((f) => ({ label: f.slug === 'firearms-licensing' ? 'Firearms' : f.slug.length <= 4 ? f.slug.toUpperCase() : f.name, targetPence: f.targetPence, deliveredPence: f.deliveredPence }))}
              />
            }
            table={<ForceFunctionsTable detail={detail} view={view} />}
            stacked
          />
        )}
      </section>

      {functions.length > 0 ? (
        <section aria-labelledby="shares-heading">
          <h2 id="shares-heading">Its share, year by year</h2>
          <p>How {force.name}’s share of each function was set in each year, and on what basis.</p>
          <table className="data-table compact" data-testid="force-shares">
            <caption>{force.name}’s share of each function, by year</caption>
            <thead>
              <tr>
                <th scope="col">Function and year</th>
                <th scope="col">Share</th>
                <th scope="col">Basis</th>
                <th scope="col" className="numeric">
                  Its target
                </th>
                <th scope="col" className="numeric">
                  Function’s target
                </th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {functions.flatMap((f) =>
                f.years.map((y) => (
                  <tr key={`${f.slug}-${y.fy ?? 'whole'}`} data-share={`${f.slug}-${y.fy ?? 'whole'}`}>
                    <th scope="row">
                      {f.name}, {y.fy === null ? 'not profiled by year' : formatFiscalYear(y.fy)}
                    </th>
                    <td>
                      {shareWords(y.shareTenthsPercent, y.basis)} {y.isIllustrative ? <IllustrativeTag /> : null}
                    </td>
                    <td>{BASIS_LABEL[y.basis]}</td>
                    <td className="numeric">
                      <Money pence={y.targetPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={y.functionTargetPence} />
                    </td>
                    <td>{y.note ?? ''}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      ) : null}
      <ForceNetBenefit slug={force.slug} forceName={force.name} />
      <AgreementsDue force={force.slug} forceName={force.name} />
    </article>
  );
}

type ForceFunction = ForceDetail['functions'][number];

/** The chart's figures, sortable: each function's target and delivery for this force. */
function ForceFunctionsTable({ detail, view }: { detail: ForceDetail; view: ViewParams }) {
  const columns: Column<ForceFunction>[] = [
    {
      id: 'function',
      header: 'Function',
      rowHeader: true,
      sortValue: (f) => f.name,
      cell: (f) => (
        <>
          <Link href={withView(`/functions/${f.slug}`, view)}>{f.name}</Link>
          {f.isIllustrative ? (
            <>
              {' '}
              <IllustrativeTag />
            </>
          ) : null}
        </>
      ),
    },
    { id: 'target', header: 'Its target', numeric: true, sortValue: (f) => f.targetPence, cell: (f) => <Money pence={f.targetPence} /> },
    {
      id: 'delivered',
      header: 'Delivered',
      numeric: true,
      sortValue: (f) => f.deliveredPence,
      cell: (f) => (f.deliveredPence === null ? <span className="muted">none recorded</span> : <Money pence={f.deliveredPence} />),
    },
    { id: 'whole', header: 'Function’s target', numeric: true, sortValue: (f) => f.functionTargetPence, cell: (f) => <Money pence={f.functionTargetPence} /> },
  ];
  return (
    <SortableTable
      caption={`${detail.force.name} by function`}
      columns={columns}
      rows={detail.functions}
      rowKey={(f) => f.slug}
      rowProps={(f) => ({ 'data-force-function': f.slug })}
      testId="force-functions"
      footer={
        <tr>
          <th scope="row">Total</th>
          <td className="numeric">
            <Money pence={detail.totals.targetPence} />
          </td>
          <td className="numeric">
            <Money pence={detail.totals.deliveredPence} />
          </td>
          <td />
        </tr>
      }
    />
  );
}
