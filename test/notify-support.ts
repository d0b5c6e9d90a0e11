import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { createMailCatcher } from '../scripts/mail-catcher';
import { freePort, waitFor } from './support/wait';

// The general helpers moved to test/support; re-exported for the tests and benches that import them from here.
export { freePort, sleep, waitFor } from './support/wait';
export { addMembers, emitRaw } from './support/db';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

/** A real SMTP peer on a free port; `refuse(n)` answers the next n messages with a temporary error. */
export async function startSmtpPeer(): Promise<{
  url: string;
  mails: ReceivedMail[];
  connectionErrors: Error[];
  refuse(n: number): void;
  stop(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  let refusals = 0;
  const server = createMailCatcher((raw, to) => {
    if (refusals > 0) {
      refusals--;
      const err = new Error('邮件服务器暂时不可用') as Error & { responseCode: number };
      err.responseCode = 451;
      return err;
    }
    const text = raw.toString('utf8');
    mails.push({ ...parseMail(text), to, raw: text });
  });
  // A client killed mid-transaction (the crash test SIGKILLs the worker) resets its socket; smtp-server
  // reports that as an 'error' event, which would be an uncaught exception without a listener.
  const connectionErrors: Error[] = [];
  server.on('error', (err: Error) => connectionErrors.push(err));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    connectionErrors,
    mails,
    refuse: (n) => {
      refusals = n;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Enough MIME for the tests: the subject and the decoded text/plain and text/html parts. */
export function parseMail(raw: string): { subject: string; text: string; html: string } {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, headerEnd).replace(/\r\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const part = (type: string): string => {
    const re = new RegExp(`Content-Type: ${type}[^\\r]*\\r\\n((?:[^\\r]+\\r\\n)*)\\r\\n([\\s\\S]*?)\\r\\n--`, 'i');
    const m = re.exec(raw);
    if (!m) return '';
    const enc = /Content-Transfer-Encoding: (\S+)/i.exec(m[1])?.[1]?.toLowerCase();
    if (enc === 'base64') return Buffer.from(m[2].replace(/\s+/g, ''), 'base64').toString('utf8');
    if (enc === 'quoted-printable') return decodeQp(m[2]);
    return m[2];
  };
  return { subject, text: part('text/plain'), html: part('text/html') };
}

export interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on a free port answering with the given statuses in turn (then the last one). */
export async function startHookReceiver(
  statuses: number[],
): Promise<{ url: string; calls: ReceivedHook[]; setStatuses(s: number[]): void; stop(): Promise<void> }> {
  const calls: ReceivedHook[] = [];
  let plan = [...statuses];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = plan.length > 1 ? plan.shift()! : plan[0];
      calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    calls,
    setStatuses: (s) => {
      plan = [...s];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A redis-server owned by the test, on its own port, without persistence. */
export async function startOwnRedis(port?: number): Promise<{ url: string; port: number; process: ChildProcess; stop(): Promise<void> }> {
  const p = port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  let spawnError: Error | null = null;
  child.on('error', (err) => {
    spawnError = new Error(`cannot start redis-server (this test needs its own instance; apt-get install redis-server): ${err.message}`);
  });
  await waitFor(
    () =>
      new Promise<boolean>((resolve, reject) => {
        if (spawnError) return reject(spawnError);
        const s = net.connect(p, '127.0.0.1', () => {
          s.end();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      }),
    10_000,
    `redis-server on ${p}`,
  );
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
