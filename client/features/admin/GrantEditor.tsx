import { useId, useState } from 'react';
import type { Grant } from '../../lib/roles';
import { describeGrant } from '../../lib/roles';

/** Lists a person's roles with a way to remove each, and adds one: a role, and its force or function where it needs one. */
export function GrantEditor({
  grants,
  onChange,
  forces,
  functions,
}: {
  grants: readonly Grant[];
  onChange: (grants: Grant[]) => void;
  forces: { slug: string; name: string }[];
  functions: { slug: string; name: string }[];
}) {
  const [role, setRole] = useState<Grant['role']>('viewer');
  const [target, setTarget] = useState('');
  const ids = { role: useId(), target: useId() };
  const names = { forces: new Map(forces.map((f) => [f.slug, f.name])), functions: new Map(functions.map((f) => [f.slug, f.name])) };
  const options = role === 'force-editor' ? forces : role === 'function-owner' ? functions : [];
  const chosen = options.some((o) => o.slug === target) ? target : (options[0]?.slug ?? '');
  return (
    <fieldset className="grant-editor">
      <legend>Roles</legend>
      {grants.length === 0 ? <p className="hint">No roles: this person cannot see anything yet.</p> : null}
      <ul className="plain-list">
        {grants.map((g, i) => (
          <li key={`${g.role}-${g.force}-${g.function}`}>
            {describeGrant(g, names)}{' '}
            <button type="button" className="link-button" onClick={() => onChange(grants.filter((_, j) => j !== i))}>
              Remove<span className="visually-hidden"> {describeGrant(g, names)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="form-row">
        <label htmlFor={ids.role}>Add a role</label>
        <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as Grant['role'])}>
          <option value="viewer">Viewer</option>
          <option value="force-editor">Force editor</option>
          <option value="function-owner">Function owner</option>
          <option value="programme-officer">Programme officer</option>
          <option value="administrator">Administrator</option>
        </select>
        {options.length > 0 ? (
          <>
            <label htmlFor={ids.target}>{role === 'force-editor' ? 'for the force' : 'of the function'}</label>
            <select id={ids.target} value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {options.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            const grant: Grant = { role, force: role === 'force-editor' ? chosen : null, function: role === 'function-owner' ? chosen : null };
            if (!grants.some((g) => g.role === grant.role && g.force === grant.force && g.function === grant.function)) onChange([...grants, grant]);
          }}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}
