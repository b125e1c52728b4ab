import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { User as UserRow } from '../../../server/contracts/users';
import { ApiError, api, unwrap } from '../../api/client';
import { forcesQuery, functionsQuery, userKeys, usersQuery } from '../../api/queries';
import { ErrorSummary, TextField } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { describeGrant, type Grant } from '../../lib/roles';
import { GrantEditor } from './GrantEditor';
import { usePageTitle } from '../../lib/page';


export function UsersPage() {
  const users = useQuery(usersQuery());
  usePageTitle('Users and roles');
  const forces = useQuery(forcesQuery());
  const functions = useQuery(functionsQuery({}));
  const lists = {
    forces: forces.data?.forces ?? [],
    functions: functions.data?.functions.map((f) => ({ slug: f.slug, name: f.name })) ?? [],
  };
  return (
    <>
      <h1>Users and roles</h1>
      <p>
        Everyone who signs in to Realise, and what each may do. A viewer reads everything; a force editor records
        actuals and forecasts for the forces named; a function owner changes the plan of the functions named; an
        administrator manages users and reads the audit log. Every change here is in the <a href="/admin/audit">audit log</a>.
      </p>
      <QueryState query={users} what="the users">
        {(data) => (
          <table className="data-table" data-testid="users-table">
            <caption>Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <UserRowView key={u.id} user={u} lists={lists} />
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <NewUserForm lists={lists} />
    </>
  );
}

type Lists = { forces: { slug: string; name: string }[]; functions: { slug: string; name: string }[] };

function UserRowView({ user, lists }: { user: UserRow; lists: Lists }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [grants, setGrants] = useState<Grant[]>(user.grants);
  const [message, setMessage] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: async (change: { grants?: Grant[]; isActive?: boolean }) => unwrap(await api.api.users[':id'].$patch({ param: { id: String(user.id) }, json: change })),
    onSuccess: () => {
      setEditing(false);
      setMessage(null);
      return queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (error) => setMessage(error instanceof ApiError ? error.message : 'The change could not be saved.'),
  });
  const names = { forces: new Map(lists.forces.map((f) => [f.slug, f.name])), functions: new Map(lists.functions.map((f) => [f.slug, f.name])) };
  return (
    <tr data-user={user.email}>
      <th scope="row">
        {user.displayName}
        <span className="cell-note">{user.email}</span>
      </th>
      <td>
        {editing ? (
          <>
            <GrantEditor grants={grants} onChange={setGrants} {...lists} />
            <button type="button" className="button" onClick={() => update.mutate({ grants })}>
              Save roles
            </button>{' '}
            <button type="button" className="link-button" onClick={() => (setEditing(false), setGrants(user.grants))}>
              Cancel
            </button>
          </>
        ) : (
          <ul className="plain-list">
            {user.grants.length === 0 ? <li className="muted">none</li> : user.grants.map((g) => <li key={`${g.role}-${g.force}-${g.function}`}>{describeGrant(g, names)}</li>)}
          </ul>
        )}
        {message ? (
          <p className="error-message" role="alert">
            {message}
          </p>
        ) : null}
      </td>
      <td>{user.isActive ? 'Active' : 'Deactivated'}</td>
      <td>
        {editing ? null : (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Change roles<span className="visually-hidden"> of {user.displayName}</span>
          </button>
        )}
        <br />
        <button type="button" className="link-button" onClick={() => update.mutate({ isActive: !user.isActive })}>
          {user.isActive ? 'Deactivate' : 'Reactivate'}
          <span className="visually-hidden"> {user.displayName}</span>
        </button>
      </td>
    </tr>
  );
}

function NewUserForm({ lists }: { lists: Lists }) {
  const queryClient = useQueryClient();
  const [grants, setGrants] = useState<Grant[]>([{ role: 'viewer', force: null, function: null }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  return (
    <section aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Add a person</h2>
      {created ? (
        <p role="status" className="success">
          {created} can now sign in with the password you set. Ask them to change it from their account page.
        </p>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={{ email: 'new-email', displayName: 'new-name', password: 'new-password' }} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const email = String(form.get('email') ?? '').trim();
          const displayName = String(form.get('displayName') ?? '').trim();
          const password = String(form.get('password') ?? '');
          const problems: Record<string, string> = {};
          if (!email.includes('@')) problems.email = 'Enter an email address, like name@police.uk';
          if (!displayName) problems.displayName = 'Enter their name';
          if (password.length < 12) problems.password = 'Give a first password of at least 12 characters';
          setErrors(problems);
          setCreated(null);
          if (Object.keys(problems).length > 0) return;
          try {
            await unwrap(await api.api.users.$post({ json: { email, displayName, password, grants } }));
            setCreated(email);
            formElement.reset();
            setGrants([{ role: 'viewer', force: null, function: null }]);
            await queryClient.invalidateQueries({ queryKey: userKeys.all });
          } catch (error) {
            setErrors({ form: error instanceof ApiError ? error.message : 'The person could not be added.' });
          }
        }}
      >
        <TextField id="new-email" label="Email address" name="email" type="email" autoComplete="off" error={errors.email} />
        <TextField id="new-name" label="Name" name="displayName" autoComplete="off" error={errors.displayName} />
        <TextField id="new-password" label="First password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters. Tell them it yourself; Realise asks them to choose their own when they first sign in, before anything else." error={errors.password} />
        <GrantEditor grants={grants} onChange={setGrants} {...lists} />
        <button type="submit" className="button">
          Add the person
        </button>
      </form>
    </section>
  );
}
