/** The bigint column transformer and the yuan/fen conversions are core's, shared by every context. */
export { bigintNumber, fenToYuan, yuanToFen } from '@app/core';
