import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The portal's typed client, generated from the API's own OpenAPI document
 * (`npm run api:client` regenerates schema.d.ts): a renamed field breaks the typecheck.
 *
 * The access token lives in memory only; the refresh token is an httpOnly cookie the browser
 * sends to /api/auth alone. A 401 triggers one silent refresh and a retry.
 */
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export function setAccessToken(token: string | null): void {
  accessToken = token;
  listeners.forEach((l) => l(token !== null));
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

/** Told when the session ends (refresh refused), so the app can show the sign-in page. */
export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Exchanges the refresh cookie for a new access token; one at a time. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      if (!res.ok) {
        setAccessToken(null);
        return false;
      }
      const body = (await res.json()) as { accessToken: string };
      setAccessToken(body.accessToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (accessToken && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${accessToken}`);
    return request;
  },
};

/** The sign-in routes, which answer 401 for a wrong password or token, not for an expired access token. */
const SIGN_IN_ROUTES = /\/api\/auth\/(login|register|refresh|logout|password\/(forgot|reset))(\?|$)/;

/** Retries a request once after a silent refresh when the access token has expired. */
async function fetchWithRefresh(input: Request): Promise<Response> {
  const retry = input.clone();
  const res = await fetch(input);
  if (res.status !== 401 || !accessToken || SIGN_IN_ROUTES.test(new URL(input.url).pathname)) return res;
  if (!(await refreshSession())) return res;
  retry.headers.set('authorization', `Bearer ${accessToken}`);
  return fetch(retry);
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: fetchWithRefresh, credentials: 'same-origin' });
api.use(auth);

/** The API's error shape (every 4xx/5xx). */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: { field?: string; row?: number; column?: string; message: string }[];
  errorId?: string;
}

/** Thrown by `unwrap` so pages can show the API's own message, by field where it names one. */
export class ApiRequestError extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
}

/** Turns an openapi-fetch answer into its data, or throws the API's error. */
export function unwrap<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.error !== undefined || !r.response.ok) {
    const e = (r.error ?? {}) as Partial<ApiError>;
    throw new ApiRequestError({
      statusCode: r.response.status,
      error: e.error ?? 'ERROR',
      message: e.message ?? `请求失败（${r.response.status}）`,
      details: e.details,
    });
  }
  return r.data as T;
}

/** Uploads a raw body (PDF) with progress, which fetch cannot report. */
export function uploadWithProgress(url: string, file: File, onProgress: (percent: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    // The API decides by the content; anything not declared a PDF goes as plain bytes.
    xhr.setRequestHeader('content-type', file.type === 'application/pdf' ? 'application/pdf' : 'application/octet-stream');
    if (accessToken) xhr.setRequestHeader('authorization', `Bearer ${accessToken}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else
        reject(new ApiRequestError((body as ApiError) ?? { statusCode: xhr.status, error: 'ERROR', message: `上传失败（${xhr.status}）` }));
    };
    xhr.onerror = () => reject(new ApiRequestError({ statusCode: 0, error: 'NETWORK', message: '网络错误，上传未完成' }));
    xhr.send(file);
  });
}
