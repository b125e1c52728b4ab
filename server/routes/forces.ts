import { createRoute } from '@hono/zod-openapi';
import { jsonResponse } from '../contracts/common';
import { ForceList } from '../contracts/forces';
import type { LedgerRepository } from '../db/repositories/ledger';
import { apiRouter } from '../http';

const listForces = createRoute({
  method: 'get',
  path: '/forces',
  tags: ['forces'],
  responses: { 200: jsonResponse(ForceList, 'Every police force in the ledger, by name') },
});

export const forceRoutes = (ledger: LedgerRepository) =>
  apiRouter().openapi(listForces, (c) => c.json({ forces: ledger.forces() }, 200));
