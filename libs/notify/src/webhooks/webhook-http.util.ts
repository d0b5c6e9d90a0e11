import http from 'node:http';
import https from 'node:https';
import { guardedLookup } from './webhook-target.util';

export interface PostOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** One JSON POST with a timeout; never throws, the outcome says what happened. */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  allowPrivate: boolean,
): Promise<PostOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (statusCode: number | null, error: string | null): void => {
      if (done) return;
      done = true;
      resolve({ statusCode, error, durationMs: Date.now() - started });
    };
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const req = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        lookup: guardedLookup(allowPrivate) as never,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'techtransfer-webhooks/1',
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? null, null));
        res.on('error', (err) => finish(res.statusCode ?? null, err.message));
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error(`超时（${timeoutMs} ms）`));
    });
    req.on('error', (err) => finish(null, err.message));
    req.end(body);
  });
}
