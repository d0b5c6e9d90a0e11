import {
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  openTotpSecret,
  recoveryCodeHash,
  sealTotpSecret,
  totpCode,
  totpSealingKey,
  totpUri,
  verifyTotp,
} from './two-factor.util';

const USER = '0b6f5c3e-2a51-4c1e-9d1e-6f3b1f2a7c10';
const OTHER_USER = '7d2c1a90-5b3e-4f6a-8c2d-1e9f0a3b4c5d';

describe('sealing TOTP secrets', () => {
  const key = totpSealingKey('a-server-secret-of-at-least-32-characters');

  it('derives a 32-byte key, the same from the same secret and another from another', () => {
    expect(key).toHaveLength(32);
    expect(totpSealingKey('a-server-secret-of-at-least-32-characters').equals(key)).toBe(true);
    expect(totpSealingKey('another-server-secret-of-32-characters!').equals(key)).toBe(false);
  });

  it('round-trips, never stores the secret in the clear, and seals differently each time', () => {
    const secret = newTotpSecret();
    const a = sealTotpSecret(key, secret, USER);
    const b = sealTotpSecret(key, secret, USER);
    expect(a).not.toContain(secret);
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
    expect(openTotpSecret(key, a, USER)).toBe(secret);
    expect(openTotpSecret(key, b, USER)).toBe(secret);
  });

  it('does not open under another key, for another user, or when altered', () => {
    const sealed = sealTotpSecret(key, newTotpSecret(), USER);
    expect(openTotpSecret(totpSealingKey('another-server-secret-of-32-characters!'), sealed, USER)).toBeNull();
    expect(openTotpSecret(key, sealed, OTHER_USER)).toBeNull();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(openTotpSecret(key, [parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), USER)).toBeNull();
    expect(openTotpSecret(key, 'v2.' + parts.slice(1).join('.'), USER)).toBeNull();
    expect(openTotpSecret(key, 'garbage', USER)).toBeNull();
  });
});

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000;
  const codeAt = (epoch: number) => totpCode(secret, epoch);

  it('accepts the code of this step and of one step either side, not two', async () => {
    const step = Math.floor(now / 30);
    expect(await verifyTotp(secret, await codeAt(now), now, null)).toBe(step);
    expect(await verifyTotp(secret, await codeAt(now - 30), now, null)).toBe(step - 1);
    expect(await verifyTotp(secret, await codeAt(now + 30), now, null)).toBe(step + 1);
    expect(await verifyTotp(secret, await codeAt(now - 90), now, null)).toBeNull();
    expect(await verifyTotp(secret, await codeAt(now + 90), now, null)).toBeNull();
  });

  it('refuses a code of a step already used, and anything that is not six digits', async () => {
    const step = Math.floor(now / 30);
    expect(await verifyTotp(secret, await codeAt(now), now, step)).toBeNull();
    expect(await verifyTotp(secret, await codeAt(now + 30), now, step)).toBe(step + 1);
    expect(await verifyTotp(secret, '12345', now, null)).toBeNull();
    expect(await verifyTotp(secret, 'abcdef', now, null)).toBeNull();
  });

  it('computes the codes of RFC 6238 (its SHA-1 test vectors, last six digits)', async () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", in Base32.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(await totpCode(rfcSecret, 59)).toBe('287082');
    expect(await totpCode(rfcSecret, 1111111109)).toBe('081804');
    expect(await totpCode(rfcSecret, 1234567890)).toBe('005924');
    expect(await totpCode(rfcSecret, 2000000000)).toBe('279037');
  });

  it('makes an otpauth URI naming the platform and the account', () => {
    const uri = totpUri(secret, 'zhang@example.com');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('secret')).toBe(secret);
    expect(parsed.searchParams.get('issuer')).toBe('科技成果转化平台');
    expect(decodeURIComponent(parsed.pathname)).toContain('zhang@example.com');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it('are read however they were typed, and nothing else is taken for one', () => {
    const [code] = newRecoveryCodes(1);
    expect(normalizeRecoveryCode(code)).toBe(code);
    expect(normalizeRecoveryCode(` ${code.toUpperCase().replace(/-/g, ' ')} `)).toBe(code);
    expect(normalizeRecoveryCode(code.replace(/-/g, ''))).toBe(code);
    expect(normalizeRecoveryCode(code.slice(0, -1))).toBeNull();
    expect(normalizeRecoveryCode('abcd-efgh-ijk1')).toBeNull();
    expect(normalizeRecoveryCode('123456')).toBeNull();
  });

  it('are stored as hashes salted with their user', () => {
    const [code] = newRecoveryCodes(1);
    expect(recoveryCodeHash(USER, code)).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash(USER, code)).not.toBe(recoveryCodeHash(OTHER_USER, code));
    expect(recoveryCodeHash(USER, code)).not.toContain(code);
  });
});
