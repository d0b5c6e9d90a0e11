import type { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint arrives as a string; money and counts here stay far below 2^53. */
export const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};

/** Money is stored in fen (integer); the API and spreadsheets speak whole yuan. */
export const yuanToFen = (yuan: number | null | undefined): number | null => (yuan === null || yuan === undefined ? null : yuan * 100);
export const fenToYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);
