/** A wait that ran out: the awaited work itself goes on. */
export class TimeoutError extends Error {}

/** Rejects with a TimeoutError when `promise` has not settled within `ms` (the promise itself goes on). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'no answer'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
