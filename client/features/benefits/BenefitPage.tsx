import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { Link } from 'wouter';
import type { BenefitDetail } from '../../../server/contracts/benefits';
import { ApiError, api, unwrap } from '../../api/client';
import { benefitKeys, benefitQuery, sessionQuery } from '../../api/queries';
import { BenefitStatus, directionWords } from '../../components/BenefitStatus';
import { ChartFrame } from '../../components/ChartFrame';
import { ErrorSummary, TextField } from '../../components/Form';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { Citation, SourceButton } from '../../components/SourceButton';
import { formatPaperDate } from '../../lib/dates';
import { formatMeasureWithUnit, parseMeasure } from '../../lib/measure';
import { usePageTitle } from '../../lib/page';

const BenefitChart = lazy(() => import('./BenefitChart'));

export function BenefitPage({ number }: { number: string }) {
  const detail = useQuery(benefitQuery(number));
  return (
    <QueryState
      query={detail}
      what="the benefit"
      notFound={(message) => (
        <NotFound title="No such benefit" message={message}>
          See the <Link href="/benefits">benefits register</Link>.
        </NotFound>
      )}
    >
      {(data) => <BenefitView detail={data} />}
    </QueryState>
  );
}

function BenefitView({ detail }: { detail: BenefitDetail }) {
  const b = detail.benefit;
  usePageTitle(`${b.number}: ${b.description}`);
  const session = useQuery(sessionQuery());
  const mayRecord = !!session.data?.user?.grants.some((g) => g.role === 'function-owner' && g.function === b.function);
  // The path: the baseline where there is one, then every measure.
  const points = [
    ...(b.baselineMilli !== null && b.baselineDate ? [{ date: b.baselineDate, valueMilli: b.baselineMilli, label: 'baseline' }] : []),
    ...detail.measurements.map((m) => ({ date: m.measuredOn, valueMilli: m.valueMilli, label: m.dataSource })),
  ];
  return (
    <article>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/benefits">Benefits register</Link>
          </li>
          <li aria-current="page">{b.number}</li>
        </ol>
      </nav>
      <h1>
        {b.number}: {b.description}
      </h1>
      <p>
        <BenefitStatus rag={b.rag} />
        {b.progressTenthsPercent !== null ? <span className="cell-note-inline"> {(b.progressTenthsPercent / 10).toFixed(0)}% of the way from baseline to target</span> : null}
      </p>
      <dl className="summary-list details" data-testid="benefit-fields">
        <div>
          <dt>Function</dt>
          <dd>
            <Link href={`/functions/${b.function}`}>{b.functionName}</Link>
          </dd>
        </div>
        <div>
          <dt>Category and class</dt>
          <dd>
            {b.category === 'direct-public-sector' ? 'Direct public sector' : 'Wider social'}; {b.cashClass}, {b.measureClass}
            {b.isDisbenefit ? '; a dis-benefit' : ''}
          </dd>
        </div>
        <div>
          <dt>What gives rise to it</dt>
          <dd>{b.feature}</dd>
        </div>
        <div>
          <dt>Owner (senior responsible owner)</dt>
          <dd>{b.owner ?? 'Not named in the papers'}</dd>
        </div>
        <div>
          <dt>Measure</dt>
          <dd>
            {b.measure}
            {b.unit ? ` (${b.unit})` : ''}; {directionWords(b.direction)}
          </dd>
        </div>
        <div>
          <dt>Baseline</dt>
          <dd data-figure="baseline">
            {b.baselineMilli === null ? (
              'None given in the papers'
            ) : (
              <>
                {formatMeasureWithUnit(b.baselineMilli, b.unit)} (“{b.baselineAsWritten}”), {formatPaperDate(b.baselineDate)}; {b.baselineDataSource}{' '}
                <SourceButton sourceIds={[b.baselineSourceId]} figure={`the ${b.number} baseline`} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd data-figure="target">
            {b.targetMilli === null ? (
              'None given in the papers'
            ) : (
              <>
                {formatMeasureWithUnit(b.targetMilli, b.unit)} (“{b.targetAsWritten}”){b.targetDate ? ` by ${formatPaperDate(b.targetDate)}` : ', no date given'}{' '}
                <SourceButton sourceIds={[b.targetSourceId]} figure={`the ${b.number} target`} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Tolerance</dt>
          <dd>{b.toleranceMilli === 0 ? 'None: short of target is off track' : formatMeasureWithUnit(b.toleranceMilli, b.unit)}</dd>
        </div>
        <div>
          <dt>Full-year value</dt>
          <dd>{b.fullYearValuePence === null ? 'None given' : `£${(b.fullYearValuePence / 100).toLocaleString('en-GB')}`}</dd>
        </div>
      </dl>
      {b.note ? <p className="note">{b.note}</p> : null}

      <section aria-labelledby="path-heading">
        <h2 id="path-heading">Its path towards the target</h2>
        {points.length === 0 ? (
          <p className="empty">Not yet measured: the papers give no figure for it, and none has been recorded.</p>
        ) : (
          <ChartFrame
            title={`${b.number}: ${b.measure}`}
            caption={`${points.map((p) => `${formatPaperDate(p.date)}: ${formatMeasureWithUnit(p.valueMilli, b.unit)}`).join('; ')}.${b.targetMilli !== null ? ` Target ${formatMeasureWithUnit(b.targetMilli, b.unit)}; ${directionWords(b.direction)}.` : ' No target is set.'}`}
            chart={<BenefitChart points={points} baselineMilli={b.baselineMilli} targetMilli={b.targetMilli} unit={b.unit} />}
            table={
              <table className="data-table compact" data-testid="measurements-table">
                <caption>Baseline and measures</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col" className="numeric">
                      Value
                    </th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={`${p.date}-${p.label}`}>
                      <th scope="row">{formatPaperDate(p.date)}</th>
                      <td className="numeric">{formatMeasureWithUnit(p.valueMilli, b.unit)}</td>
                      <td>{p.label === 'baseline' ? `Baseline: ${b.baselineDataSource ?? ''}` : p.label}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        )}
      </section>

      {mayRecord ? <MeasureForm number={b.number} unit={b.unit} /> : null}

      <section aria-labelledby="benefit-sources-heading">
        <h2 id="benefit-sources-heading">Where it comes from</h2>
        <ol className="sources-list">
          {detail.sources.map((s) => (
            <li key={s.id}>
              <Citation source={s} />
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function MeasureForm({ number, unit }: { number: string; unit: string | null }) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="measure-heading">
      <h2 id="measure-heading">Record a measure</h2>
      {done ? (
        <p role="status" className="success">
          {done}
        </p>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={{ measuredOn: 'measure-date', valueMilli: 'measure-value', dataSource: 'measure-source' }} />
      <form
        noValidate
        data-testid="measure-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const measuredOn = String(form.get('measuredOn') ?? '');
          const valueMilli = parseMeasure(String(form.get('value') ?? ''));
          const dataSource = String(form.get('dataSource') ?? '').trim();
          const problems: Record<string, string> = {};
          if (!/^\d{4}-\d{2}-\d{2}$/.test(measuredOn)) problems.measuredOn = 'Enter the date the measure is for';
          if (valueMilli === null) problems.valueMilli = 'Enter the value as a number, like 12.5 (up to three decimal places)';
          if (!dataSource) problems.dataSource = 'Say where the figure comes from';
          setErrors(problems);
          setDone(null);
          if (Object.keys(problems).length > 0 || valueMilli === null) return;
          try {
            await unwrap(await api.api.benefits[':number'].measurements.$post({ param: { number }, json: { measuredOn, valueMilli, dataSource } }));
            setDone(`Recorded ${formatMeasureWithUnit(valueMilli, unit)} for ${formatPaperDate(measuredOn)}.`);
            formElement.reset();
            await queryClient.invalidateQueries({ queryKey: benefitKeys.all });
          } catch (error) {
            setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' });
          }
        }}
      >
        <TextField id="measure-date" label="Date the measure is for" name="measuredOn" type="date" error={errors.measuredOn} />
        <TextField id="measure-value" label={`Value${unit ? ` (${unit})` : ''}`} name="value" inputMode="decimal" autoComplete="off" hint="A number, like 12.5" error={errors.valueMilli} />
        <TextField id="measure-source" label="Data source" name="dataSource" autoComplete="off" hint="Where the figure comes from, for example an activity sampling survey" error={errors.dataSource} />
        <button type="submit" className="button">
          Record the measure
        </button>
      </form>
    </section>
  );
}
