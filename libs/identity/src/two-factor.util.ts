import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { generateSecret, type Base32Plugin, type CryptoPlugin } from '@otplib/core';
import { generate, verify } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { sha256 } from './secret.util';

/** The name authenticator apps show beside the account (as in the product's e-mails). */
export const TOTP_ISSUER = '科技成果转化平台';

/** RFC 6238 as authenticator apps expect it: 30-second steps, 6 digits, SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;

/** One step either side of now is accepted, for clocks a little apart. */
const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** Recovery codes handed out at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

const CIPHER = 'aes-256-gcm';
const FORMAT = 'v1';

/*
 * otplib's own entry point loads audited pure-JS crypto and Base32 packages that ship as ES modules
 * only; its building blocks (core, totp, uri) take plugins instead, and these use node:crypto.
 */
const nodeCrypto: CryptoPlugin = {
  name: 'node',
  algorithms: ['sha1', 'sha256', 'sha512'],
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm, key).update(data).digest()),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  constantTimeEqual: (a, b) => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
};

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 Base32 without padding, as otpauth URIs carry secrets. */
const base32: Base32Plugin = {
  name: 'rfc4648',
  encode(data) {
    let out = '';
    let bits = 0;
    let value = 0;
    for (const byte of data) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
    return out;
  },
  decode(str) {
    const clean = str.toUpperCase().replace(/=+$/, '');
    const out: number[] = [];
    let bits = 0;
    let value = 0;
    for (const ch of clean) {
      const index = BASE32_ALPHABET.indexOf(ch);
      if (index < 0) throw new Error('invalid Base32 character');
      value = ((value << 5) | index) & 0xffff;
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 255);
        bits -= 8;
      }
    }
    return new Uint8Array(out);
  },
};

/** A new TOTP secret (20 random bytes, Base32), as authenticator apps take it. */
export function newTotpSecret(): string {
  return generateSecret({ crypto: nodeCrypto, base32 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return generateTOTP({ issuer: TOTP_ISSUER, label: account, secret, period: TOTP_PERIOD_SECONDS, digits: 6 });
}

/** The code of `secret` at `epochSeconds` (what an authenticator app shows then). */
export function totpCode(secret: string, epochSeconds: number): Promise<string> {
  return generate({ secret, epoch: epochSeconds, period: TOTP_PERIOD_SECONDS, crypto: nodeCrypto, base32 });
}

/**
 * Checks a 6-digit code against the secret at `epochSeconds`, one step either side. Returns the
 * time step the code belongs to, or null. A step at or before `afterStep` is refused: a code that
 * signed in once cannot be used again (RFC 6238 §5.2).
 */
export async function verifyTotp(secret: string, code: string, epochSeconds: number, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: epochSeconds,
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    crypto: nodeCrypto,
    base32,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid ? result.timeStep : null;
}

/** The 32-byte key that seals TOTP secrets at rest, derived (HKDF-SHA256) from the server's secret. */
export function totpSealingKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'techtransfer', 'totp-secret-v1', 32));
}

/**
 * Encrypts a TOTP secret for storage (AES-256-GCM, random IV). The user's id is bound in as
 * associated data, so a sealed secret copied to another account does not open there.
 */
export function sealTotpSecret(key: Buffer, secret: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(CIPHER, key, iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Opens a sealed secret; null when it does not open (another key, another user, altered). */
export function openTotpSecret(key: Buffer, sealed: string, userId: string): string | null {
  const [format, iv, tag, ciphertext, extra] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || !ciphertext || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv(CIPHER, key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Fresh recovery codes, `xxxx-xxxx-xxxx` (about 59 bits each), to show once. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const groups = Array.from({ length: RECOVERY_GROUPS }, () =>
      Array.from({ length: RECOVERY_GROUP_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(''),
    );
    codes.add(groups.join('-'));
  }
  return [...codes];
}

/** A code as typed (any case, spaces or dashes anywhere) in the form it was handed out; null when it cannot be one. */
export function normalizeRecoveryCode(typed: string): string | null {
  const chars = typed.toLowerCase().replace(/[\s-]/g, '');
  if (chars.length !== RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH || [...chars].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return chars.match(new RegExp(`.{${RECOVERY_GROUP_LENGTH}}`, 'g'))!.join('-');
}

/** What is stored of a recovery code: a hash salted with its user, so equal codes of two users differ. */
export function recoveryCodeHash(userId: string, code: string): string {
  return sha256(`${userId}:${code}`);
}
