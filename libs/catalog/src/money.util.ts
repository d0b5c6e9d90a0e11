/** The bigint column transformer is core's, shared by every context. */
export { bigintNumber } from '@app/core';

/** Money is stored in fen (integer); the API and spreadsheets speak whole yuan. */
export const yuanToFen = (yuan: number | null | undefined): number | null => (yuan === null || yuan === undefined ? null : yuan * 100);
export const fenToYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);
