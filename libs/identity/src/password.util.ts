import * as argon2 from 'argon2';

/**
 * Test runs hash with 4 MiB and one pass instead of 64 MiB and three: each test organization cost
 * 0.6 s of argon2 otherwise. A hash carries its own parameters, so verification reads either kind.
 */
const TEST_COST = { memoryCost: 4096, timeCost: 1, parallelism: 1 };

/** argon2id with the library's defaults (64 MiB, t=3, p=4); cheaper under NODE_ENV=test only. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...(process.env.NODE_ENV === 'test' ? TEST_COST : {}) });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check when the account does not exist. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing-0');
  await verifyPassword(await dummyHash, password);
}
