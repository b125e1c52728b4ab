import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Db } from './db/connection';
import { createCollaborationRepository } from './db/repositories/collaborations';
import { createForceRepository } from './db/repositories/forces';
import { createLedgerRepository } from './db/repositories/ledger';
import { createSourceRepository } from './db/repositories/sources';
import { errorBody } from './http';
import { collaborationRoutes } from './routes/collaborations';
import { forceRoutes } from './routes/forces';
import { functionRoutes } from './routes/functions';
import { healthRoutes } from './routes/health';
import { sourceRoutes } from './routes/sources';

export type AppOptions = {
  db: Db;
  /** The clock, passed in so tests and "as at" views can fix it. */
  now?: () => Date;
  logError?: (message: string, error: unknown) => void;
};

export function createApp({ db, now = () => new Date(), logError = (m, e) => console.error(m, e) }: AppOptions) {
  const ledger = createLedgerRepository(db);
  const today = () => now().toISOString().slice(0, 10);

  const app = new OpenAPIHono()
    .route('/api', healthRoutes())
    .route('/api', functionRoutes(ledger, today))
    .route('/api', forceRoutes(ledger, createForceRepository(db, ledger), today))
    .route('/api', sourceRoutes(createSourceRepository(db)))
    .route('/api', collaborationRoutes(createCollaborationRepository(db)));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Realise API',
      version: '1.0.0',
      description:
        'Savings and benefits realisation for police collaborations. Money is integer pence in fields ending Pence; financial years are written 2016-17.',
    },
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json(errorBody('not_found', `There is no API route ${c.req.method} ${c.req.path}. The routes are listed at /api/openapi.json.`), 404);
    }
    return c.json(errorBody('not_found', `Nothing is at ${c.req.path}.`), 404);
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody('bad_request', error.message || 'The request could not be read'), error.status);
    }
    // A fault of ours: log it in full, tell the user only what they can act on.
    logError(`${c.req.method} ${c.req.path} failed`, error);
    return c.json(
      errorBody('internal_error', 'Something went wrong on our side and has been logged. Try again; if it persists, tell the programme office.'),
      500,
    );
  });

  return app;
}

export type AppType = ReturnType<typeof createApp>;
