import { ValidationFailedError } from '@app/core';
import { fenToYuan } from './money.util';

/**
 * 技术交易额 is the technology part of the contract amount, so never above it: a 400 naming the
 * field the caller changed (and the other one), nothing saved.
 */
export function refuseTechAboveAmount(techFen: number | null, amountFen: number, changed: 'amountYuan' | 'techAmountYuan'): void {
  if (techFen === null || techFen <= amountFen) return;
  const message = `技术交易额（${fenToYuan(techFen)} 元）不能大于合同金额（${fenToYuan(amountFen)} 元）`;
  const other = changed === 'amountYuan' ? 'techAmountYuan' : 'amountYuan';
  throw new ValidationFailedError(`请求参数有误：${message}`, [
    { field: changed, message },
    { field: other, message },
  ]);
}
