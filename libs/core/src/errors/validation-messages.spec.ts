import { ValidationError } from 'class-validator';
import { validationErrorFromClassValidator } from './validation-messages';

function err(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
  value: unknown = '',
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children, value });
}

describe('validationErrorFromClassValidator', () => {
  it('names every field in Chinese, nested ones with their path', () => {
    const e = validationErrorFromClassValidator([
      err('title', { isNotEmpty: 'title should not be empty' }),
      err('trl', { max: 'trl must not be greater than 9' }),
      err('budget', {}, [err('minFen', { min: 'minFen must not be less than 0' })]),
    ]);
    expect(e.status).toBe(400);
    expect(e.details).toEqual([
      { field: 'title', message: '不能为空' },
      { field: 'trl', message: '不能大于 9' },
      { field: 'budget.minFen', message: '不能小于 0' },
    ]);
    expect(e.message).toContain('title');
    expect(e.message).toContain('budget.minFen');
  });

  it('uses a custom Chinese text from the constraint context', () => {
    const v = err('kind', { isIn: 'kind must be one of' });
    v.contexts = { isIn: { message: '只能是企业或高校' } };
    expect(validationErrorFromClassValidator([v]).details).toEqual([{ field: 'kind', message: '只能是企业或高校' }]);
  });

  it('says once that a missing field is required, instead of every rule it fails', () => {
    const missing = Object.assign(err('title', { isString: 'title must be a string', isNotEmpty: 'x', maxLength: 'longer than 100' }), {
      value: undefined,
    });
    expect(validationErrorFromClassValidator([missing]).details).toEqual([{ field: 'title', message: '必须提供' }]);
  });

  it('gives each distinct message once, and never the library English', () => {
    const trl = err('trl', { isInt: 'trl must be an integer', min: 'x', max: 'y' }, [], '5');
    trl.contexts = { isInt: { message: '应为 1–9 的整数' }, min: { message: '应为 1–9 的整数' }, max: { message: '应为 1–9 的整数' } };
    expect(validationErrorFromClassValidator([trl]).details).toEqual([{ field: 'trl', message: '应为 1–9 的整数' }]);
    const odd = err('code', { isMobilePhone: 'code must be a phone number' }, [], 'x');
    expect(validationErrorFromClassValidator([odd]).details).toEqual([{ field: 'code', message: '格式不正确' }]);
  });
});
