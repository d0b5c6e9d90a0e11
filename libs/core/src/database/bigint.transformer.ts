import type { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint arrives as a string; money in fen and counts here stay far below 2^53. */
export const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
