// Who may do what. Checked on the server for every route; the screens only hide what a role
// cannot do. A refusal is the default: a grant must name the force or function it covers.

export type Role = 'viewer' | 'force-editor' | 'function-owner' | 'programme-officer' | 'administrator';
export type Grant = { role: Role; force: string | null; function: string | null };

export type Action =
  | { kind: 'read' }
  /** Record, change or remove an actual or forecast: for one force, or for the function as a whole (force null). A function owner may do either for their function; a force's editor, their force's figures. */
  | { kind: 'record'; function: string; force: string | null }
  /** Change a function's plan: its baselines, targets, tolerance and commentary. */
  | { kind: 'plan'; function: string }
  /** Publish a six-monthly report, freezing it for the board. */
  | { kind: 'publish-report' }
  /** Users, roles and reference data; reading the audit log. */
  | { kind: 'administer' }
  /** Keep the portfolio: add functions with their business cases, collaborations, memberships and agreements. */
  | { kind: 'manage-portfolio' };

export function isAllowed(grants: readonly Grant[], action: Action): boolean {
  switch (action.kind) {
    case 'read':
      return grants.length > 0;
    case 'record':
      return (
        grants.some((g) => g.role === 'function-owner' && g.function === action.function) ||
        (action.force !== null && grants.some((g) => g.role === 'force-editor' && g.force === action.force))
      );
    case 'plan':
      return grants.some((g) => g.role === 'function-owner' && g.function === action.function);
    case 'publish-report':
      return grants.some((g) => g.role === 'programme-officer');
    case 'administer':
      return grants.some((g) => g.role === 'administrator');
    case 'manage-portfolio':
      return grants.some((g) => g.role === 'programme-officer' || g.role === 'administrator');
  }
}

/** Why an action is refused, in words that say whom to ask. */
export function refusalMessage(action: Action): string {
  switch (action.kind) {
    case 'read':
      return 'Your account has no role yet. Ask an administrator to give you one.';
    case 'record':
      return action.force === null
        ? `Only the owner of the ${action.function} function can record figures for the function as a whole.`
        : `You can record figures only for the forces you are an editor for, and ${action.force} is not one of them.`;
    case 'plan':
      return `Only the owner of the ${action.function} function can change its plan.`;
    case 'publish-report':
      return 'Only a programme officer can publish a report. Ask an administrator for the role.';
    case 'administer':
      return 'Only an administrator can do that.';
    case 'manage-portfolio':
      return 'Only a programme officer or an administrator can add to the portfolio. Ask an administrator for the role.';
  }
}
