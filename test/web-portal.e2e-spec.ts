import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { TestApp } from './support/test-app';

/** The api serves the built portal at / beside /api and /docs (a stand-in build, written here). */
describe('the portal served by the api (e2e)', () => {
  let t: TestApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('门户'.repeat(400))});`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'portal-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><div id="root"></div></html>');
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(dist, 'assets', 'index-AbC123.js.br'), brotliCompressSync(Buffer.from(script)));
    t = await TestApp.start({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / and every portal route with index.html, never cached', async () => {
    for (const url of ['/', '/needs/3f1c2a9e-4b7d-4c1e-9a2b-5d6e7f8a9b0c', '/bureau/challenges?tab=ranking', '/my/organization']) {
      const res = await t.request('GET', url);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.body)).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year, compressed for browsers that accept it', async () => {
    const plain = await t.request('GET', '/assets/index-AbC123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(script);
    const br = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(script.length / 4);
    expect((await t.request('GET', '/assets/missing-XyZ.js')).status).toBe(404);
  });

  it('keeps /api and /docs as they were', async () => {
    const missing = await t.request('GET', '/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(expect.objectContaining({ statusCode: 404, error: 'NOT_FOUND' }));
    expect((await t.request('GET', '/api/health')).status).toBe(200);
    expect((await t.request('GET', '/docs-json')).status).toBe(200);
    expect((await t.request('GET', '/%E0%A4%A')).status).toBe(400);
  });
});
