import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'wouter';
import { benefitsQuery, collaborationsQuery, functionsQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { RisksSection } from './RisksSection';
import { usePageTitle } from '../../lib/page';
import { BenefitsTable } from './BenefitsTable';

/** The register for a collaboration or a function: filter, sort, export. */
export function BenefitsPage() {
  usePageTitle('Benefits register');
  const [params, setParams] = useSearchParams();
  const filter = {
    ...(params.get('collaboration') ? { collaboration: params.get('collaboration')! } : {}),
    ...(params.get('function') ? { function: params.get('function')! } : {}),
  };
  const benefits = useQuery(benefitsQuery(filter));
  const collaborations = useQuery(collaborationsQuery());
  const functions = useQuery(functionsQuery({}));
  const everyBenefit = useQuery(benefitsQuery({}));
  const ids = { collaboration: useId(), fn: useId() };
  const exportQuery = new URLSearchParams(filter).toString();
  const set = (key: string, value: string) => setParams((p) => (value ? p.set(key, value) : p.delete(key), p));
  return (
    <>
      <h1>Benefits register</h1>
      <p className="lead">
        What the collaborations promised beyond savings, how each is measured and where it stands. Every benefit the
        papers name is here with its source, and so is every dis-benefit (a cost or harm the papers name, such as the
        Single Online Home’s double keying with Athena); where a paper gives no figure, none is invented and it shows as
        not yet measured. Category and class are Realise’s reading. Function owners record each period’s measures.
      </p>
      <form className="view-filters" aria-label="Filter the register" onSubmit={(e) => e.preventDefault()}>
        <div className="filter">
          <label htmlFor={ids.collaboration}>Collaboration</label>
          <select id={ids.collaboration} value={filter.collaboration ?? ''} onChange={(e) => set('collaboration', e.target.value)}>
            <option value="">All collaborations</option>
            {collaborations.data?.collaborations.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.fn}>Function</label>
          <select id={ids.fn} value={filter.function ?? ''} onChange={(e) => set('function', e.target.value)}>
            <option value="">All functions</option>
            {/* Benefits belong to functions with savings and to those with benefits only. */}
            {[...new Map([...(functions.data?.functions ?? []).map((f) => [f.slug, f.name] as const), ...(everyBenefit.data?.benefits ?? []).map((b) => [b.function, b.functionName] as const)])].map(([slug, name]) => (
              <option key={slug} value={slug}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p>
        Download the register as shown: <a href={`/api/benefits/export?format=xlsx${exportQuery ? `&${exportQuery}` : ''}`} download>Excel (.xlsx)</a> or{' '}
        <a href={`/api/benefits/export?format=csv${exportQuery ? `&${exportQuery}` : ''}`} download>CSV</a>.
      </p>
      <QueryState query={benefits} what="the register">
        {(data) =>
          data.benefits.length === 0 ? (
            <p className="empty" role="status">
              No benefit is recorded for this filter. Choose all collaborations or another function.
            </p>
          ) : (
            <BenefitsTable benefits={data.benefits} caption={`${data.benefits.length} benefits, sortable by any column`} />
          )
        }
      </QueryState>
      <RisksSection fn={filter.function || undefined} />
    </>
  );
}
