import { createRoute } from '@hono/zod-openapi';
import { AgreementQuery, AgreementRegister, DecisionLog } from '../contracts/agreements';
import { errorResponse, jsonResponse } from '../contracts/common';
import { apiRouter, errorBody } from '../http';
import type { AgreementService } from '../services/agreements';

const register = createRoute({
  method: 'get',
  path: '/agreements',
  tags: ['agreements'],
  request: { query: AgreementQuery },
  responses: {
    200: jsonResponse(AgreementRegister, 'Every section 22A agreement Realise holds: parties, dates with their sources, where it stands today, what falls due'),
    400: errorResponse('The query is not valid'),
    404: errorResponse('No collaboration or force has that slug'),
  },
});

const decisionLog = createRoute({
  method: 'get',
  path: '/decisions',
  tags: ['agreements'],
  responses: { 200: jsonResponse(DecisionLog, 'Every decision record Realise holds, oldest first, each with its source and the agreements and functions it concerns') },
});

export function agreementRoutes(agreements: AgreementService, now: () => Date) {
  return apiRouter().openapi(decisionLog, (c) => c.json(agreements.decisions(), 200)).openapi(register, (c) => {
    const { collaboration, force, dueWithinMonths, dueOnly } = c.req.valid('query');
    const register = agreements.register(now().toISOString().slice(0, 10), { collaboration, force, dueWithinMonths, dueOnly: dueOnly === 'true' });
    if ('unknown' in register) return c.json(errorBody('not_found', register.unknown), 404);
    return c.json(register, 200);
  });
}
