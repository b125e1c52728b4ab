import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { guardApi } from './auth/middleware';
import type { HashCost } from './auth/passwords';
import { createAuthService } from './auth/service';
import { createUserAdmin } from './auth/users';
import type { Db } from './db/connection';
import { createAccountRepository } from './db/repositories/accounts';
import { createAuditRepository } from './db/repositories/audit';
import { createBenefitRepository } from './db/repositories/benefits';
import { createCollaborationRepository } from './db/repositories/collaborations';
import { createForceRepository } from './db/repositories/forces';
import { createLedgerRepository } from './db/repositories/ledger';
import { createLedgerEntryRepository } from './db/repositories/ledger-entries';
import { createPlanRepository } from './db/repositories/plans';
import { createReportRepository } from './db/repositories/reports';
import { createSourceRepository } from './db/repositories/sources';
import { errorBody, type AppEnv } from './http';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { benefitRoutes } from './routes/benefits';
import { collaborationRoutes } from './routes/collaborations';
import { forceRoutes } from './routes/forces';
import { functionRoutes } from './routes/functions';
import { healthRoutes } from './routes/health';
import { IMPORT_MAX_BYTES, importRoutes } from './routes/imports';
import { planRoutes } from './routes/plans';
import { reportRoutes } from './routes/reports';
import { ledgerEntryRoutes } from './routes/ledger-entries';
import { sourceRoutes } from './routes/sources';
import { userRoutes } from './routes/users';
import { createLedgerImport } from './services/ledger-import';
import { createMyFigures } from './services/my-figures';
import { createRecording } from './services/recording';
import { createOidc } from './auth/oidc';
import type { OidcProvider } from './auth/oidc-settings';
import { createFiguresService } from './services/figures';
import { createNewFunctionService } from './services/new-function';
import { createRetirementService } from './services/retirement';
import { createCarryService } from './services/carry';
import { createFunctionEditService } from './services/function-edit';
import { createCollaborationService } from './services/collaborations';
import { portfolioRoutes } from './routes/portfolio';
import { agreementRoutes } from './routes/agreements';
import { costRoutes } from './routes/costs';
import { createCostsService } from './services/costs';
import { createGoalsService } from './services/goals';
import { createNetBenefitService } from './services/net-benefit';
import { createAgreementService } from './services/agreements';
import { createAgreementRepository } from './db/repositories/agreements';
import { createReportService } from './services/report';

export type AppOptions = {
  db: Db;
  /** The clock, passed in so tests and "as at" views can fix it. */
  now?: () => Date;
  /** Let anyone read the dashboard and read-only API without signing in (a Summit screen on a closed network). */
  publicRead?: boolean;
  /** TRUST_PROXY: a reverse proxy in front sets X-Forwarded-For and X-Forwarded-Proto, so they are believed. */
  trustProxy?: boolean;
  /** scrypt's cost; tests lower it, production keeps the standard. */
  hashCost?: HashCost;
  logError?: (message: string, error: unknown) => void;
  /** The OpenID Connect providers to sign in with (none: local accounts only). */
  oidcProviders?: readonly OidcProvider[];
  /** The address people reach Realise at: the providers send them back to it. */
  publicUrl?: string;
};

export function createApp({
  db,
  now = () => new Date(),
  publicRead = false,
  trustProxy = false,
  hashCost,
  logError = (m, e) => console.error(m, e),
  oidcProviders = [],
  publicUrl = 'http://127.0.0.1:3000',
}: AppOptions) {
  const ledger = createLedgerRepository(db);
  const accounts = createAccountRepository(db);
  const auth = createAuthService({ db, accounts, now, ...(hashCost ? { hashCost } : {}) });
  const oidc = createOidc({ db, accounts, auth, providers: oidcProviders, publicUrl, now });
  const entries = createLedgerEntryRepository(db);
  const recording = createRecording({ db, entries, now });
  const myFigures = createMyFigures({ entries, now });
  const sources = createSourceRepository(db);
  const forces = createForceRepository(db, ledger);
  const plans = createPlanRepository(db);
  const benefits = createBenefitRepository(db);
  const figures = createFiguresService({ db, ledger, forces });
  const costs = createCostsService(db, now);
  const netBenefit = createNetBenefitService({ db, figures, costs, now });
  const reports = createReportService({ db, figures, reports: createReportRepository(db), plans, benefits, sources, now });

  const app = new OpenAPIHono<AppEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Charts set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  // A body is limited before it is read, as it streams in (a declared length over the limit is
  // refused at once): a spreadsheet import up to 20 MB, any other request 1 MB.
  const tooLarge = (limit: string) => (c: Context) =>
    c.json(errorBody('body_too_large', `The request is over ${limit}. ${limit === '20 MB' ? 'Split the file into smaller files.' : 'Send less at once.'}`), 413);
  const importLimit = bodyLimit({ maxSize: IMPORT_MAX_BYTES, onError: tooLarge('20 MB') });
  const requestLimit = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge('1 MB') });
  app.use('/api/*', (c, next) => (c.req.path === '/api/imports' ? importLimit(c, next) : requestLimit(c, next)));
  // The API's answers are a person's figures or session: no browser or proxy may keep a copy.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('*', async (c, next) => {
    c.set('trustProxy', trustProxy);
    await next();
  });
  app.use('*', guardApi({ auth, db, publicRead, now }));

  const routes = app
    .route('/api', healthRoutes())
    .route('/api', authRoutes(auth, oidc, publicRead))
    .route('/api', functionRoutes(ledger, figures, db, now))
    .route('/api', planRoutes(plans, ledger, db, now))
    .route('/api', forceRoutes(ledger, figures, now))
    .route('/api', sourceRoutes(sources))
    .route('/api', benefitRoutes(benefits, sources, db, now))
    .route('/api', collaborationRoutes(createCollaborationRepository(db), createCollaborationService(db, now), db, now))
    .route('/api', ledgerEntryRoutes(recording, myFigures, entries, db, now))
    .route('/api', importRoutes(createLedgerImport({ db, entries, recording, now }), figures, myFigures, netBenefit, db, now))
    .route('/api', userRoutes(createUserAdmin({ db, accounts, auth, now }), db, now))
    .route('/api', auditRoutes(createAuditRepository(db), db, now))
    .route('/api', reportRoutes(reports, db, now))
    .route('/api', portfolioRoutes(createNewFunctionService(db, now), createRetirementService(db, now), createCarryService(db, now), createFunctionEditService(db, now), db, now))
    .route('/api', costRoutes(costs, createGoalsService(db, figures), netBenefit, db, now))
    .route('/api', agreementRoutes(createAgreementService(createAgreementRepository(db)), now));

  routes.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Realise API',
      version: '1.0.0',
      description:
        'Savings and benefits realisation for police collaborations. Money is integer pence in fields ending Pence; financial years are written 2016-17. Reads need a session cookie unless the server runs with PUBLIC_READ=true; every write needs a session and its X-CSRF-Token header.',
    },
  });

  routes.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json(errorBody('not_found', `There is no API route ${c.req.method} ${c.req.path}. The routes are listed at /api/openapi.json.`), 404);
    }
    return c.json(errorBody('not_found', `Nothing is at ${c.req.path}.`), 404);
  });

  routes.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody('bad_request', error.message || 'The request could not be read'), error.status);
    }
    // Another process holds the write lock (a backup, a restore, a script): nothing was written.
    if (error instanceof Error && 'code' in error && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_BUSY_SNAPSHOT')) {
      c.header('Retry-After', '2');
      return c.json(errorBody('database_busy', 'The database is busy with another change, and nothing was written. Try again in a moment.'), 503);
    }
    // A fault of ours: log it in full, tell the user only what they can act on.
    logError(`${c.req.method} ${c.req.path} failed`, error);
    return c.json(
      errorBody('internal_error', 'Something went wrong on our side and has been logged. Try again; if it persists, tell the programme office.'),
      500,
    );
  });

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
