/**
 * The demo's mail catcher: an SMTP server on SMTP_URL's port (default 1025) that accepts every
 * message and writes it to var/mail/<time>-<n>.eml, so the demo's e-mails can be read without a
 * mail server. (docker compose uses Mailpit for the same purpose.) Exits quietly if the port is
 * taken, e.g. by a Mailpit already running.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMailCatcher } from './mail-catcher';

const url = new URL(process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025');
const dir = join(__dirname, '..', 'var', 'mail');
mkdirSync(dir, { recursive: true });
let count = 0;

const server = createMailCatcher((raw, to) => {
  writeFileSync(join(dir, `${Date.now()}-${++count}.eml`), Buffer.concat([Buffer.from(`X-Envelope-To: ${to.join(', ')}\r\n`), raw]));
});
server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') {
    console.log(`[mail] port ${url.port} is taken (a mail server is running there); not starting the catcher`);
    process.exit(0);
  }
  console.error(`[mail] ${err.message}`);
});
server.listen(Number(url.port || 25), url.hostname, () => console.log(`[mail] catching e-mail on ${url.host}; messages in var/mail/`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
