import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { Collaboration } from '../../../server/contracts/forces';
import { ApiError, api, unwrap } from '../../api/client';
import { collaborationKeys, collaborationsQuery, forcesQuery, sessionQuery } from '../../api/queries';
import { ErrorSummary, TextField } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';
import { usePageTitle } from '../../lib/page';
import { GoalsSection } from '../costs/GoalsSection';
import { canManagePortfolio } from '../../lib/roles';

// The collaborations and who was in each when: a force joins from a date and leaves at one. A
// programme officer changes membership here; the server refuses a leaving date that would strand
// a force's figures, and audits every change.

export function CollaborationsPage() {
  usePageTitle('Collaborations');
  const list = useQuery(collaborationsQuery());
  const forces = useQuery(forcesQuery());
  const session = useQuery(sessionQuery());
  const mayChange = canManagePortfolio(session.data?.user ?? null);
  const names = new Map(forces.data?.forces.map((f) => [f.slug, f.name]));
  return (
    <>
      <h1>Collaborations and their members</h1>
      <p className="lead">
        Each collaboration and the forces in it, with the day each joined and, where it has, left. A force’s figures count for the
        periods it was a member for; the day it leaves is its first day out.
      </p>
      <QueryState query={list} what="the collaborations">
        {(data) => (
          <>
            {data.collaborations.map((c) => (
              <CollaborationSection key={c.slug} collaboration={c} names={names} mayChange={mayChange} forces={forces.data?.forces ?? []} />
            ))}
            {mayChange ? <AddCollaboration forces={forces.data?.forces ?? []} /> : null}
          </>
        )}
      </QueryState>
    </>
  );
}

type ForceChoice = { slug: string; name: string };

function useMembershipChange() {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const fail = (error: unknown) => {
    setDone(null);
    setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' });
  };
  const succeed = async (words: string) => {
    setErrors({});
    setDone(words);
    await queryClient.invalidateQueries();
    await queryClient.invalidateQueries({ queryKey: collaborationKeys.all });
  };
  return { errors, done, fail, succeed };
}

function CollaborationSection({ collaboration: c, names, mayChange, forces }: { collaboration: Collaboration; names: Map<string, string>; mayChange: boolean; forces: ForceChoice[] }) {
  const change = useMembershipChange();
  const [joining, setJoining] = useState({ force: '', joinedOn: '' });
  const join = useMutation({
    mutationFn: async () => unwrap(await api.api.collaborations[':slug'].members.$post({ param: { slug: c.slug }, json: joining })),
    onSuccess: () => change.succeed(`${names.get(joining.force) ?? joining.force} is a member of ${c.name} from ${formatPaperDate(joining.joinedOn)}.`),
    onError: change.fail,
  });
  const headingId = `collaboration-${c.slug}`;
  return (
    <section aria-labelledby={headingId} data-collaboration={c.slug}>
      <h2 id={headingId}>{c.name}</h2>
      <p>{c.description}</p>
      {c.programmeFigures.some((f) => f.kind === 'budget' && f.perYear) ? (
        <p>
          <Link href={`/collaborations/${c.slug}/costs`}>What its programme costs each force</Link>, by Net Revenue Expenditure, and what if a force left
        </p>
      ) : null}
      <ErrorSummary errors={change.errors} />
      {change.done ? (
        <p className="notice notice-success" role="status">
          {change.done}
        </p>
      ) : null}
      <table className="data-table compact">
        <caption>{c.name}: its members and when</caption>
        <thead>
          <tr>
            <th scope="col">Force</th>
            <th scope="col">Joined</th>
            <th scope="col">Left</th>
            {mayChange ? <th scope="col">Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {c.members.map((m) => (
            <tr key={`${m.force}-${m.joinedOn}`} data-member={m.force}>
              <th scope="row">
                <Link href={`/forces/${m.force}`}>{names.get(m.force) ?? m.force}</Link>
              </th>
              <td>{formatPaperDate(m.joinedOn)}</td>
              <td>{m.leftOn ? formatPaperDate(m.leftOn) : 'Not recorded as leaving'}</td>
              {mayChange ? <td>{m.leftOn ? null : <LeaveForm collaboration={c} force={m.force} forceName={names.get(m.force) ?? m.force} onDone={change.succeed} onFail={change.fail} />}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {c.programmeFigures.some((f) => f.kind === 'goal' || f.kind === 'predicted-savings') ? <GoalsSection slug={c.slug} name={c.name} /> : null}
      {mayChange ? (
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            join.mutate();
          }}
        >
          <div className="form-group">
            <label htmlFor={`${c.slug}-join-force`}>Add a force</label>
            <select id={`${c.slug}-join-force`} value={joining.force} onChange={(e) => setJoining({ ...joining, force: e.target.value })}>
              <option value="">Choose a force</option>
              {forces.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <TextField id={`${c.slug}-join-date`} label="From (its first day as a member)" type="date" value={joining.joinedOn} onChange={(e) => setJoining({ ...joining, joinedOn: e.target.value })} />
          <button type="submit" className="button" disabled={join.isPending}>
            Add to {c.name}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function LeaveForm({ collaboration, force, forceName, onDone, onFail }: { collaboration: Collaboration; force: string; forceName: string; onDone: (words: string) => Promise<void>; onFail: (e: unknown) => void }) {
  const [leftOn, setLeftOn] = useState('');
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation({
    mutationFn: async () => unwrap(await api.api.collaborations[':slug'].members[':force'].$patch({ param: { slug: collaboration.slug, force }, json: { leftOn } })),
    onSuccess: () => onDone(`${forceName} leaves ${collaboration.name} on ${formatPaperDate(leftOn)}.`),
    onError: onFail,
  });
  const id = `${collaboration.slug}-${force}-leave`;
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {forceName} leaves on
      </label>
      <input id={id} type="date" value={leftOn} onChange={(e) => (setLeftOn(e.target.value), setConfirming(false))} />{' '}
      {confirming ? (
        // Leaving changes later years' assumed shares and cannot be undone here: asked once more.
        <span role="group" aria-label={`${forceName} leaves ${collaboration.name}?`} className="confirm">
          <button type="button" className="button button-warning" autoFocus onClick={() => (setConfirming(false), leave.mutate())}>
            Yes, it leaves
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            Not yet
          </button>
        </span>
      ) : (
        <button type="submit" className="button button-secondary" disabled={leave.isPending || leftOn === ''}>
          Leaves on this day<span className="visually-hidden"> ({forceName})</span>
        </button>
      )}
    </form>
  );
}

function AddCollaboration({ forces }: { forces: ForceChoice[] }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', slug: '', description: '', joinedOn: '' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: async () =>
      unwrap(await api.api.collaborations.$post({ json: { slug: form.slug, name: form.name, description: form.description, members: chosen.map((force) => ({ force, joinedOn: form.joinedOn })) } })),
    onSuccess: async () => {
      setErrors({});
      setForm({ name: '', slug: '', description: '', joinedOn: '' });
      setChosen([]);
      await queryClient.invalidateQueries({ queryKey: collaborationKeys.all });
    },
    onError: (error) => setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' }),
  });
  return (
    <section aria-labelledby="add-collaboration-heading">
      <h2 id="add-collaboration-heading">Add a collaboration</h2>
      <ErrorSummary errors={errors} />
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <TextField id="new-collaboration-name" label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value, slug: e.target.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') })} />
        <TextField id="new-collaboration-slug" label="Its id in addresses" value={form.slug} onChange={(e) => setForm({ ...form, slug: e.target.value })} />
        <TextField id="new-collaboration-description" label="What it is for" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <fieldset className="form-group force-choices">
          <legend>Its first members</legend>
          {forces.map((f) => (
            <label key={f.slug} className="inline">
              <input type="checkbox" checked={chosen.includes(f.slug)} onChange={(e) => setChosen(e.target.checked ? [...chosen, f.slug] : chosen.filter((x) => x !== f.slug))} /> {f.name}
            </label>
          ))}
        </fieldset>
        <TextField id="new-collaboration-joined" label="They joined on" type="date" value={form.joinedOn} onChange={(e) => setForm({ ...form, joinedOn: e.target.value })} />
        <button type="submit" className="button" disabled={add.isPending}>
          Add the collaboration
        </button>
      </form>
    </section>
  );
}
