import { createRoute } from '@hono/zod-openapi';
import { jsonResponse } from '../contracts/common';
import { Health } from '../contracts/health';
import { apiRouter } from '../http';

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  responses: { 200: jsonResponse(Health, 'The service is up') },
});

export const healthRoutes = () => apiRouter().openapi(getHealth, (c) => c.json({ status: 'ok' as const }, 200));
