import { Link, Route, Switch, useRoute } from 'wouter';
import { ViewFilters } from './components/ViewFilters';
import { ForcePage } from './features/force/ForcePage';
import { FunctionPage } from './features/function/FunctionPage';
import { PortfolioPage } from './features/portfolio/PortfolioPage';
import { PresentPage } from './features/present/PresentPage';

export function App() {
  const [presenting] = useRoute('/present/*?');
  if (presenting) {
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
        </div>
      </header>
      <div className="filters-bar">
        <div className="width-container">
          <Switch>
            <Route path="/">
              <ViewFilters showCollaboration />
            </Route>
            <Route>
              <ViewFilters showCollaboration={false} />
            </Route>
          </Switch>
        </div>
      </div>
      <main id="main" className="width-container" tabIndex={-1}>
        <Switch>
          <Route path="/" component={PortfolioPage} />
          <Route path="/functions/:slug">{(params) => <FunctionPage slug={params.slug} />}</Route>
          <Route path="/forces/:slug">{(params) => <ForcePage slug={params.slug} />}</Route>
          <Route>
            <h1>Page not found</h1>
            <p>
              There is nothing at this address. Go to the <Link href="/">portfolio of collaborated functions</Link>.
            </p>
          </Route>
        </Switch>
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
