import { TestApp } from './support/test-app';

type Schema = { $ref?: string; properties?: Record<string, Schema>; type?: string; items?: Schema; oneOf?: Schema[] };
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie' };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Values the issue 14 probe sent: wrong types, malformed Unicode, huge and deeply nested values, nulls. */
const VALUES: Record<string, unknown> = {
  null: null,
  loneSurrogate: '\ud800',
  nul: 'a\u0000b',
  huge: 'x'.repeat(200_000),
  deep: JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`),
  negative: -1e308,
  float: 1.5,
  bool: true,
  list: [{ a: [null, '\ud800'] }, -1],
  traversal: '../../etc/passwd\r\nX-Injected: 1',
};
/** The same in a URL: path segments and query values, as a hostile client would write them. */
const URL_VALUES = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%00',
  '%ED%A0%80',
  '..%2F..%2Fetc%2Fpasswd',
  '-1',
  '1e309',
  'a'.repeat(3000),
  '%5B%5D',
  "'%20OR%201=1--",
];

/** Sending these would end the caller's session: they are tried last, once. */
const ENDS_SESSION = /\/logout$/;

describe('hostile input on every operation of the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    doc = (await t.request('GET', '/docs-json')).body;
    tokens.bureau = (await t.verifiedOrg('bureau', '荆门市科学技术局')).token;
    tokens.enterprise = (await t.verifiedOrg('enterprise', '荆门扫描化工有限公司')).token;
  });
  afterAll(async () => t.stop());

  /** The property names of a JSON body's schema (through a $ref, one level). */
  const propertiesOf = (schema: Schema | undefined): string[] => {
    if (!schema) return [];
    const resolved = schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop() ?? ''] : schema;
    return Object.keys(resolved?.properties ?? {});
  };

  it('answers no request with a 5xx, for the bureau, an organization and no token', async () => {
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    const send = async (method: Method, url: string, who: string, body?: unknown, rawBody?: string): Promise<void> => {
      const res = await t.request(method, url, { token: tokens[who], body, rawBody });
      sent++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500)
        failures.push(`${res.status} ${method} ${url.slice(0, 160)} as ${who}: ${JSON.stringify(body ?? rawBody ?? null).slice(0, 120)}`);
    };
    const operations = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase() as Method, op })))
      .sort((a, b) => Number(ENDS_SESSION.test(a.path)) - Number(ENDS_SESSION.test(b.path)));
    for (const { path, method, op } of operations) {
      const params = op.parameters ?? [];
      const withPath = (value: string) => path.replace(/\{[^}]+\}/g, value);
      const plainPath = withPath('00000000-0000-0000-0000-000000000000');
      const query = params.filter((p) => p.in === 'query').map((p) => p.name);
      const jsonBody = op.requestBody?.content?.['application/json']?.schema;
      const fields = propertiesOf(jsonBody);
      for (const who of ['bureau', 'enterprise', 'anonymous']) {
        if (path.includes('{')) for (const v of URL_VALUES) await send(method, withPath(v), who);
        for (const v of URL_VALUES) if (query.length) await send(method, `${plainPath}?${query.map((q) => `${q}=${v}`).join('&')}`, who);
        if (method === 'GET' || method === 'DELETE') continue;
        await send(method, plainPath, who, undefined, '{"unterminated": ');
        await send(method, plainPath, who, undefined, JSON.stringify([1, 2, 3]));
        for (const value of Object.values(VALUES)) {
          // Every field at once, then (for the odd values) one field at a time beside valid-looking others.
          await send(method, plainPath, who, Object.fromEntries(fields.map((f) => [f, value])));
        }
        for (const f of fields) await send(method, plainPath, who, { [f]: VALUES.loneSurrogate });
      }
    }
    // The sweep reached the handlers: most answers are the validation's 400, not only 401s.
    expect(sent).toBeGreaterThan(3000);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(sent / 4);
    process.stderr.write(
      `hostile sweep: ${sent} requests, ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}\n`,
    );
    expect(failures).toEqual([]);
    // 8,000-odd requests one after another: about 35 s on a quiet machine, over 60 s on a loaded one.
  }, 300_000);
});
