import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MeiliSearchApiError } from 'meilisearch';
import { createNodeHttpClient } from './meili-http-client';

/** A local HTTP peer (not Meilisearch): checks the client's HTTP handling only. */
describe('createNodeHttpClient', () => {
  let server: http.Server;
  let base: string;
  const seen: { method?: string; auth?: string; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, auth: req.headers.authorization, body });
        if (req.url === '/missing') {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'Index `x` not found.', code: 'index_not_found', type: 'invalid_request', link: '' }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, echo: body }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('sends method, headers and body and returns the parsed JSON', async () => {
    const client = createNodeHttpClient();
    const out = await client(new URL(`${base}/indexes/x/search`), {
      method: 'POST',
      headers: new Headers({ Authorization: 'Bearer k', 'Content-Type': 'application/json' }),
      body: JSON.stringify({ q: '电池' }),
    });
    expect(out).toEqual({ ok: true, echo: '{"q":"电池"}' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', auth: 'Bearer k' });
    client.destroy();
  });

  it('raises MeiliSearchApiError with the API error code on a non-2xx answer', async () => {
    const client = createNodeHttpClient();
    await expect(client(new URL(`${base}/missing`), { method: 'GET' })).rejects.toBeInstanceOf(MeiliSearchApiError);
    await client(new URL(`${base}/missing`), { method: 'GET' }).catch((e: MeiliSearchApiError) => {
      expect(e.cause?.code).toBe('index_not_found');
    });
    client.destroy();
  });
});
