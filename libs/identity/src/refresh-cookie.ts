// The plugin's type augmentation (reply.setCookie, request.cookies) for every app that compiles this
// file: the worker builds it too, without the api's bootstrap that registers the plugin.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@app/core';

/**
 * The web portal keeps its refresh token in this cookie: httpOnly (no script reads it),
 * SameSite=Strict (no other site sends it) and scoped to the auth routes, so the long-lived
 * token never sits where a script can read it. Programs keep using the token in the body.
 */
export const REFRESH_COOKIE = 'tt_refresh';
const PATH = '/api/auth';

export function setRefreshCookie(reply: FastifyReply, token: string, config: AppConfig): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicBaseUrl.startsWith('https:'),
    path: PATH,
    maxAge: config.refreshTtlDays * 86_400,
  });
}

export function clearRefreshCookie(reply: FastifyReply, config: AppConfig): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicBaseUrl.startsWith('https:'),
    path: PATH,
  });
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const value = (request.cookies as Record<string, string | undefined> | undefined)?.[REFRESH_COOKIE];
  return value || undefined;
}

/** Hands a token pair to the caller: in the body for programs, or the refresh part in the cookie. */
export function deliverSession<T extends { refreshToken: string }>(
  tokens: T,
  useCookie: boolean | undefined,
  reply: FastifyReply,
  config: AppConfig,
): Omit<T, 'refreshToken'> & { refreshToken?: string } {
  if (!useCookie) return tokens;
  setRefreshCookie(reply, tokens.refreshToken, config);
  const { refreshToken: _kept, ...rest } = tokens;
  return rest;
}
