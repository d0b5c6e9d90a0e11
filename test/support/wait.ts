import net from 'node:net';

/** Polls until `fn` returns a truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(fn: () => Promise<T>, timeoutMs = 15_000, what = 'condition', everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await fn();
    if (last) return last;
    await sleep(everyMs);
  } while (Date.now() < until);
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A TCP port nobody listens on right now (for a peer the test starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
