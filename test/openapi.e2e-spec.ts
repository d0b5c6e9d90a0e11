import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

type Operation = {
  operationId: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/** The OpenAPI document is the contract the portal's client is generated from. */
describe('OpenAPI contract (e2e)', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, op })),
    );

  beforeAll(async () => {
    t = await TestApp.start();
    doc = (await t.request('GET', '/docs-json')).body;
  });
  afterAll(async () => t.stop());

  it('describes the success response of every operation', () => {
    const missing = operations()
      .filter(
        ({ op }) =>
          Object.entries(op.responses).some(
            ([code, r]) => /^2\d\d$/.test(code) && code !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema),
          ) || !Object.keys(op.responses).some((code) => /^2\d\d$/.test(code)),
      )
      .map(({ at }) => at);
    expect(missing).toEqual([]);
  });

  it('states the security of every operation, and only the sign-in routes and public reads need no token', () => {
    expect(
      operations()
        .filter(({ op }) => op.security === undefined)
        .map(({ at }) => at),
    ).toEqual([]);
    const open = operations()
      .filter(({ op }) => op.security?.length === 0)
      .map(({ at }) => at)
      .sort();
    for (const at of open) expect(at).toMatch(/^(GET|POST) \/api\/(auth\/|health|catalog\/reference|.*template|search)/);
    // A protected route without a token is refused, as the document says.
    expect(operations().find(({ at }) => at === 'GET /api/me')?.op.security).toEqual([{ bearer: [] }]);
  });

  it('is the document the portal client was generated from (run `npm run api:client` after changing the API)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../apps/web/src/api/openapi.json'), 'utf8'));
    expect(committed).toEqual(doc);
  });
});
