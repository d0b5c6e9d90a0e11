// Moved to test/support: the bodies to support/bodies.ts, the database helpers to support/db.ts.
export { inDays, needBody, patentNo, resultBody } from './support/bodies';
export { count, db } from './support/db';
