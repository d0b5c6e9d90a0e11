// Beijing time lives in core (libs/core/src/time/china-time.ts); re-exported for the catalog's sheets.
export { chinaDateTime } from '@app/core';
