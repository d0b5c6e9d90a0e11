/**
 * Money is stored in fen (integer cents, bigint columns) and spoken in yuan by the API, the
 * spreadsheets and the messages. These two are the only conversions; nothing multiplies or divides
 * by 100 inline. PostgreSQL answers sums of bigint columns as strings, so fen may be one.
 */
export function fenToYuan(fen: number | string): number;
export function fenToYuan(fen: number | string | null | undefined): number | null;
export function fenToYuan(fen: number | string | null | undefined): number | null {
  return fen === null || fen === undefined ? null : Number(fen) / 100;
}

export function yuanToFen(yuan: number): number;
export function yuanToFen(yuan: number | null | undefined): number | null;
export function yuanToFen(yuan: number | null | undefined): number | null {
  return yuan === null || yuan === undefined ? null : Math.round(yuan * 100);
}
