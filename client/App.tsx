import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, Route, Switch, useLocation, useRoute, useSearch } from 'wouter';
import { sessionQuery } from './api/queries';
import { AddressProblems } from './components/AddressProblems';
import { QueryState } from './components/QueryState';
import { ViewFilters } from './components/ViewFilters';
import { AccountPage } from './features/account/AccountPage';
import { SetupPage } from './features/account/SetupPage';
import { SignInPage } from './features/account/SignInPage';
import { AuditPage } from './features/admin/AuditPage';
import { BenefitPage } from './features/benefits/BenefitPage';
import { BenefitsPage } from './features/benefits/BenefitsPage';
import { UsersPage } from './features/admin/UsersPage';
import { ForcePage } from './features/force/ForcePage';
import { FunctionPage } from './features/function/FunctionPage';
import { PortfolioPage } from './features/portfolio/PortfolioPage';
import { PaperPage } from './features/papers/PaperPage';
import { PresentPage } from './features/present/PresentPage';
import { ImportPage } from './features/record/ImportPage';
import { MyFiguresPage } from './features/record/MyFiguresPage';
import { FirstPasswordPage } from './features/account/FirstPasswordPage';
import { RecordPage } from './features/record/RecordPage';
import { canManagePortfolio, canRecord, isAdministrator, type SessionUser } from './lib/roles';

// The six-monthly reports are opened a few times a year: they load when first visited.
const CostsPage = lazy(() => import('./features/costs/CostsPage').then((m) => ({ default: m.CostsPage })));
const CollaborationsPage = lazy(() => import('./features/collaborations/CollaborationsPage').then((m) => ({ default: m.CollaborationsPage })));
const AgreementsPage = lazy(() => import('./features/agreements/AgreementsPage').then((m) => ({ default: m.AgreementsPage })));
const NewFunctionPage = lazy(() => import('./features/portfolio/NewFunctionPage').then((m) => ({ default: m.NewFunctionPage })));
const ReportsPage = lazy(() => import('./features/report/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const DraftReportPage = lazy(() => import('./features/report/DraftReportPage').then((m) => ({ default: m.DraftReportPage })));
const ComparePage = lazy(() => import('./features/report/ComparePage').then((m) => ({ default: m.ComparePage })));
const PublishedReportPage = lazy(() => import('./features/report/PublishedReportPage').then((m) => ({ default: m.PublishedReportPage })));
const loadingReport = (
  <p role="status" className="loading">
    Loading the reports…
  </p>
);

export function App() {
  const session = useQuery(sessionQuery());
  const [presenting] = useRoute('/present/*?');
  const [location] = useLocation();
  const search = useSearch();
  const open = location === '/sign-in' || location === '/setup';
  return (
    <QueryState query={session} what="your session">
      {(state) => {
        // Reading needs a sign-in unless the server runs with PUBLIC_READ=true.
        const mustSignIn = !state.user && !state.publicRead && !open;
        const here = `${location}${search ? `?${search}` : ''}`;
        if (presenting && !mustSignIn) {
          return (
            <main id="main" tabIndex={-1}>
              <Switch>
                <Route path="/present">{() => <PresentPage slug={undefined} />}</Route>
                <Route path="/present/:slug">{(params) => <PresentPage slug={params.slug} />}</Route>
              </Switch>
            </main>
          );
        }
        return (
          <Shell user={state.user} filters={!mustSignIn}>
            {mustSignIn ? (
              <SignInPage next={here} setupNeeded={state.setupNeeded} />
            ) : state.user?.mustChangePassword ? (
              <FirstPasswordPage />
            ) : (
              <Switch>
                <Route path="/" component={PortfolioPage} />
                <Route path="/functions/new">{canManagePortfolio(state.user) ? <NewFunctionPage /> : <NotAllowed what="add a function to the portfolio" />}</Route>
                <Route path="/functions/:slug">{(params) => <FunctionPage slug={params.slug} />}</Route>
                <Route path="/forces/:slug">{(params) => <ForcePage slug={params.slug} />}</Route>
                <Route path="/papers/:paperId">{(params) => <PaperPage paperId={params.paperId} />}</Route>
                <Route path="/agreements" component={AgreementsPage} />
                <Route path="/collaborations" component={CollaborationsPage} />
                <Route path="/collaborations/:slug/costs">{(params) => <CostsPage slug={params.slug} />}</Route>
                <Route path="/benefits" component={BenefitsPage} />
                <Route path="/benefits/:number">{(params) => <BenefitPage number={params.number} />}</Route>
                <Route path="/reports">
                  <Suspense fallback={loadingReport}>
                    <ReportsPage />
                  </Suspense>
                </Route>
                <Route path="/reports/draft">
                  <Suspense fallback={loadingReport}>
                    <DraftReportPage />
                  </Suspense>
                </Route>
                <Route path="/reports/compare">
                  <Suspense fallback={loadingReport}>
                    <ComparePage />
                  </Suspense>
                </Route>
                <Route path="/reports/:id">
                  {(params) => (
                    <Suspense fallback={loadingReport}>
                      <PublishedReportPage id={params.id} />
                    </Suspense>
                  )}
                </Route>
                <Route path="/sign-in">
                  <SignInPage next={new URLSearchParams(search).get('next') ?? '/'} setupNeeded={state.setupNeeded} />
                </Route>
                <Route path="/setup" component={SetupPage} />
                <Route path="/account">{state.user ? <AccountPage /> : <SignInPage next="/account" setupNeeded={state.setupNeeded} />}</Route>
                <Route path="/my-figures">{canRecord(state.user) ? <MyFiguresPage /> : <NotAllowed what="record figures" />}</Route>
                <Route path="/record">{canRecord(state.user) ? <RecordPage /> : <NotAllowed what="record figures" />}</Route>
                <Route path="/import">{canRecord(state.user) ? <ImportPage /> : <NotAllowed what="import figures" />}</Route>
                <Route path="/admin/users">{isAdministrator(state.user) ? <UsersPage /> : <NotAllowed what="manage users" />}</Route>
                <Route path="/admin/audit">{isAdministrator(state.user) ? <AuditPage /> : <NotAllowed what="read the audit log" />}</Route>
                <Route>
                  <h1>Page not found</h1>
                  <p>
                    There is nothing at this address. Go to the <Link href="/">portfolio of collaborated functions</Link>.
                  </p>
                </Route>
              </Switch>
            )}
          </Shell>
        );
      }}
    </QueryState>
  );
}

function NotAllowed({ what }: { what: string }) {
  return (
    <>
      <h1>You cannot {what}</h1>
      <p>Your roles do not include this. An administrator can give you the role you need.</p>
    </>
  );
}

function Shell({ user, filters, children }: { user: SessionUser | null; filters: boolean; children: React.ReactNode }) {
  const [location] = useLocation();
  // Moving to another view moves focus to its content, as a page load would; a filter change does not.
  const shown = useRef(location);
  useEffect(() => {
    if (shown.current === location) return;
    shown.current = location;
    document.getElementById('main')?.focus();
  }, [location]);
  // Until a given password is changed, the tools are not offered: the server refuses them anyway.
  const tools = user?.mustChangePassword ? null : user;
  const showFilters = filters && !user?.mustChangePassword && (location === '/' || location.startsWith('/functions/') || location.startsWith('/forces/'));
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="width-container header-inner">
          <Link href="/" className="site-name">
            Realise
          </Link>
          <span className="site-strapline">Savings realisation for police collaborations</span>
          <nav aria-label="Account and tools" className="header-nav">
            <Link href="/">Savings</Link>
            <Link href="/benefits">Benefits</Link>
            <Link href="/agreements">Agreements</Link>
            <Link href="/collaborations">Collaborations</Link>
            <Link href="/reports">Reports</Link>
            {canRecord(tools) ? (
              <>
                <Link href="/my-figures">My figures</Link>
                <Link href="/record">Record figures</Link>
                <Link href="/import">Import</Link>
              </>
            ) : null}
            {isAdministrator(tools) ? (
              <>
                <Link href="/admin/users">Users</Link>
                <Link href="/admin/audit">Audit log</Link>
              </>
            ) : null}
            {user ? <Link href="/account">{user.displayName}</Link> : <Link href="/sign-in">Sign in</Link>}
          </nav>
        </div>
      </header>
      {showFilters ? (
        <div className="filters-bar">
          <div className="width-container">
            <ViewFilters showCollaboration={location === '/'} />
          </div>
        </div>
      ) : null}
      <main id="main" className="width-container" tabIndex={-1}>
        {showFilters ? <AddressProblems /> : null}
        {children}
      </main>
      <footer className="site-footer">
        <div className="width-container">
          Figures from the Business Coordination Board papers, each with its source. Money is shown as the papers write it
          (£4.6m) and in full in tables. Illustrative figures are marked.
        </div>
      </footer>
    </>
  );
}
