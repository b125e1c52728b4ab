import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from './seeded-app';

describe('GET /api/openapi.json', () => {
  const { app } = seededApp();

  it('documents every API route the app serves', async () => {
    const { status, body } = await getJson(app, '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThanOrEqual(4);
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string];
      expect(body.paths[path]?.[method], route).toBeDefined();
    }
  });

  it('describes money as integer pence and errors in one shape', async () => {
    const { body } = await getJson(app, '/api/openapi.json');
    expect(body.components.schemas.FunctionSummary.properties.targetPence.type).toBe('integer');
    expect(body.paths['/api/functions/{slug}'].get.responses['404'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Error',
    );
  });
});
