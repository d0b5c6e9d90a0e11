import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** Where a sign-in comes from: kept with the session so its owner can recognise it in the list. */
export interface ClientContext {
  ip: string;
  userAgent: string | null;
}

const MAX_USER_AGENT = 300;

interface RequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The caller's network address and User-Agent (cut short; control characters dropped). */
export const Client = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientContext => {
  const req = ctx.switchToHttp().getRequest<RequestLike>();
  const header = req.headers['user-agent'];
  const raw = Array.isArray(header) ? header[0] : header;
  // eslint-disable-next-line no-control-regex
  const userAgent = raw?.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_USER_AGENT) || null;
  return { ip: req.ip ?? 'unknown', userAgent };
});

/**
 * The session (refresh-token family) of the access token the request came with, or null. The
 * global guard has verified the token's signature before any handler runs, so its claims are read
 * here without verifying again.
 */
export const CurrentSessionId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const req = ctx.switchToHttp().getRequest<RequestLike>();
  const header = req.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const token = value ? /^Bearer\s+(.+)$/i.exec(value)?.[1]?.trim() : undefined;
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { fam?: unknown };
    return typeof claims.fam === 'string' ? claims.fam : null;
  } catch {
    return null;
  }
});
