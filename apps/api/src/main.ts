import 'reflect-metadata';
import { loadConfigOrExit } from '@app/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`api listening on http://${config.host}:${config.port} (docs at /docs)\n`);
}

void main();
