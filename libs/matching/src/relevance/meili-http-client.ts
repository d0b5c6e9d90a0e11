/**
 * An `httpClient` for the meilisearch 0.56 client built on node:http with a keep-alive agent.
 * Node 20's global fetch costs ~44 ms per request on a kept-alive connection here, node:http
 * ~1.3 ms (architecture.md, "Measured here").
 *
 * The client calls `httpClient(url, init)` and uses the returned value as the parsed body; a
 * custom client must raise API errors itself, which this one does with the library's own
 * MeiliSearchApiError so callers can still read `error.cause.code`.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { MeiliSearch, MeiliSearchApiError, MeiliSearchRequestError } from 'meilisearch';

export interface MeiliClientOptions {
  host: string;
  apiKey?: string;
  /** Per-request timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Most sockets kept per host (default 32). */
  maxSockets?: number;
}

type FetchInput = Parameters<typeof fetch>[0];
type FetchInit = Parameters<typeof fetch>[1];

function headersToRecord(headers: NonNullable<FetchInit>['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) {
    headers.forEach((v, k) => {
      out[k] = v;
    });
  } else if (Array.isArray(headers)) {
    for (const [k, v] of headers) if (k !== undefined && v !== undefined) out[k] = v;
  } else {
    Object.assign(out, headers);
  }
  return out;
}

/** Builds the `httpClient` function (exported for tests and for custom clients). */
export function createNodeHttpClient(options: { timeoutMs?: number; maxSockets?: number } = {}) {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 32, keepAliveMsecs: 10_000 };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const timeoutMs = options.timeoutMs ?? 10_000;

  const request = (input: FetchInput, init?: FetchInit): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const isHttps = url.protocol === 'https:';
    const body = typeof init?.body === 'string' ? init.body : init?.body == null ? undefined : String(init.body);
    const headers = headersToRecord(init?.headers);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const req = (isHttps ? https : http).request(
        url,
        { method: init?.method ?? 'GET', headers, agent: isHttps ? httpsAgent : httpAgent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch (e) {
              reject(new MeiliSearchRequestError(url.toString(), e));
              return;
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              resolve(parsed);
              return;
            }
            const response = new Response(null, { status, statusText: res.statusMessage ?? '' });
            reject(new MeiliSearchApiError(response, parsed as ConstructorParameters<typeof MeiliSearchApiError>[1]));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`Meilisearch request timed out after ${timeoutMs} ms`)));
      req.on('error', (e) => reject(new MeiliSearchRequestError(url.toString(), e)));
      const signal = init?.signal;
      if (signal) {
        if (signal.aborted) req.destroy(new Error('aborted'));
        else {
          const onAbort = (): void => {
            req.destroy(new Error('aborted'));
          };
          signal.addEventListener('abort', onAbort, { once: true });
          req.on('close', () => signal.removeEventListener('abort', onAbort));
        }
      }
      if (body !== undefined) req.write(body);
      req.end();
    });
  };
  return Object.assign(request, {
    /** Closes idle sockets (call on shutdown so the process can exit). */
    destroy(): void {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}

/** A meilisearch 0.56 client that talks over keep-alive node:http. */
export function createMeiliClient(options: MeiliClientOptions): MeiliSearch & { closeConnections(): void } {
  const httpClient = createNodeHttpClient({ timeoutMs: options.timeoutMs, maxSockets: options.maxSockets });
  const client = new MeiliSearch({ host: options.host, apiKey: options.apiKey, httpClient });
  return Object.assign(client, { closeConnections: () => httpClient.destroy() });
}
