// Writes the API's OpenAPI document to apps/web/src/api/openapi.json and generates the portal's
// typed client schema (apps/web/src/api/schema.d.ts) from it. Run after changing the API:
//   npm run api:client
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createTestEnv } from '../test/support/test-env';
import { createApiApp } from '../apps/api/src/bootstrap';

async function main(): Promise<void> {
  const env = await createTestEnv({ LOG_LEVEL: 'silent' });
  const app = await createApiApp(env.config);
  try {
    await app.init();
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
    const out = join(__dirname, '../apps/web/src/api');
    writeFileSync(join(out, 'openapi.json'), `${JSON.stringify(JSON.parse(res.body), null, 2)}\n`);
    execFileSync('npx', ['openapi-typescript', join(out, 'openapi.json'), '-o', join(out, 'schema.d.ts')], { stdio: 'inherit' });
    // Formatted like the rest of the code, so the format check passes on a regenerated client.
    execFileSync('npx', ['prettier', '--write', join(out, 'schema.d.ts')], { stdio: 'inherit' });
  } finally {
    await app.close();
    await env.cleanup();
  }
}

void main();
