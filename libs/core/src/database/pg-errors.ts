import { QueryFailedError } from 'typeorm';

/** Is this PostgreSQL's unique violation (23505), of `constraint` when one is named? */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && (!constraint || driver.constraint === constraint);
}
