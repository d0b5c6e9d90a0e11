/** The raw upload body decorator is core's, shared with the catalog's contract uploads. */
export { RawBody } from '@app/core';
