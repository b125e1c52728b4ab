import type { SessionState } from '../../server/contracts/auth';

export type Grant = NonNullable<SessionState['user']>['grants'][number];
export type SessionUser = NonNullable<SessionState['user']>;

export function describeGrant(grant: Grant, names: { forces?: Map<string, string>; functions?: Map<string, string> } = {}): string {
  switch (grant.role) {
    case 'viewer':
      return 'Viewer: reads everything';
    case 'force-editor':
      return `Force editor: records actuals and forecasts for ${names.forces?.get(grant.force!) ?? grant.force}`;
    case 'function-owner':
      return `Function owner: changes the plan of ${names.functions?.get(grant.function!) ?? grant.function}, and records for it as a whole or for any of its forces`;
    case 'programme-officer':
      return 'Programme officer: publishes the six-monthly reports and adds functions to the portfolio';
    case 'administrator':
      return 'Administrator: users, roles and the audit log';
  }
}

export const isAdministrator = (user: SessionUser | null) => !!user?.grants.some((g) => g.role === 'administrator');
export const canRecord = (user: SessionUser | null) => !!user?.grants.some((g) => g.role === 'force-editor' || g.role === 'function-owner');
export const canPublishReports = (user: SessionUser | null) => !!user?.grants.some((g) => g.role === 'programme-officer');
export const canManagePortfolio = (user: SessionUser | null) => !!user?.grants.some((g) => g.role === 'programme-officer' || g.role === 'administrator');
