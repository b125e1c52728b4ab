import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'wouter';
import { auditQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../lib/page';

const FILTERS = ['actor', 'action', 'entity', 'from', 'to', 'before'] as const;
const ACTIONS = ['record', 'change', 'remove', 'change-plan', 'create-user', 'update-user', 'reset-password', 'change-password', 'sign-in', 'sign-in-failed', 'sign-in-throttled', 'sign-out', 'refused', 'create-first-administrator', 'seed', 'seed-demo'];
const ENTITIES = ['ledger_entry', 'function', 'user', 'session', 'request', 'ledger', 'ledger_entries'];

const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** The audit log for an administrator: who did what, when, before and after; filtered in the URL. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v !== '')) as Record<string, string>;
  const audit = useQuery(auditQuery(filter));
  usePageTitle('Audit log');
  const ids = { actor: useId(), action: useId(), entity: useId(), from: useId(), to: useId() };
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every change to money, plans, users and roles, every sign-in, failed sign-in and refusal, newest first. Times
        are UTC. Nobody can change or remove an entry: the database refuses.
      </p>
      <form
        className="view-filters"
        aria-label="Filter the audit log"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const key of ['actor', 'action', 'entity', 'from', 'to']) {
            const value = String(form.get(key) ?? '').trim();
            if (value) next.set(key, value);
          }
          setParams(next);
        }}
      >
        <div className="filter">
          <label htmlFor={ids.actor}>Who</label>
          <input id={ids.actor} name="actor" defaultValue={filter.actor ?? ''} placeholder="part of an email" />
        </div>
        <div className="filter">
          <label htmlFor={ids.action}>Action</label>
          <select id={ids.action} name="action" defaultValue={filter.action ?? ''}>
            <option value="">Any</option>
            {ACTIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.entity}>What</label>
          <select id={ids.entity} name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">Anything</option>
            {ENTITIES.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.from}>From</label>
          <input id={ids.from} name="from" type="date" defaultValue={filter.from ?? ''} />
        </div>
        <div className="filter">
          <label htmlFor={ids.to}>To</label>
          <input id={ids.to} name="to" type="date" defaultValue={filter.to ?? ''} />
        </div>
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </form>
      <QueryState query={audit} what="the audit log">
        {(data) =>
          data.entries.length === 0 ? (
            <p className="empty">No entry matches this filter. Clear a field to see more.</p>
          ) : (
            <>
              <table className="data-table" data-testid="audit-table">
                <caption>Audit entries, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When (UTC)</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">What</th>
                    <th scope="col">Before and after</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((e) => (
                    <tr key={e.id} data-audit-action={e.action}>
                      <td>
                        <time dateTime={e.at}>{time.format(new Date(e.at))}</time>
                      </td>
                      <td>{e.actor}</td>
                      <td>{e.action}</td>
                      <td>
                        {e.entity}
                        {e.entityId ? ` ${e.entityId}` : ''}
                      </td>
                      <td>
                        {e.before === null && e.after === null ? (
                          <span className="muted">–</span>
                        ) : (
                          <details>
                            <summary>Show</summary>
                            {e.before !== null ? (
                              <>
                                <strong>Before</strong>
                                <pre>{JSON.stringify(e.before, null, 1)}</pre>
                              </>
                            ) : null}
                            {e.after !== null ? (
                              <>
                                <strong>After</strong>
                                <pre>{JSON.stringify(e.after, null, 1)}</pre>
                              </>
                            ) : null}
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.nextBefore !== null ? (
                <button type="button" className="button button-secondary" onClick={() => setParams((p) => (p.set('before', String(data.nextBefore)), p))}>
                  Older entries
                </button>
              ) : null}
            </>
          )
        }
      </QueryState>
    </>
  );
}
