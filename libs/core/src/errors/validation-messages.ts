import { ValidationError } from 'class-validator';
import { ErrorDetail, ValidationFailedError } from './domain-error';

/** Chinese text for class-validator constraints; `$c1` etc. are the constraint arguments. */
const CONSTRAINT_TEXT: Record<string, string> = {
  isNotEmpty: '不能为空',
  isDefined: '必须提供',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是布尔值',
  isEmail: '不是有效的邮箱地址',
  isUUID: '不是有效的编号',
  isUuid: '不是有效的编号',
  isPositive: '必须大于 0',
  isNotIn: '取值不在允许范围内',
  isLength: '长度不符合要求',
  isEnum: '取值不在允许范围内',
  isIn: '取值不在允许范围内',
  isArray: '必须是数组',
  isDateString: '不是有效的日期',
  isISO8601: '不是有效的日期',
  isUrl: '不是有效的网址',
  isURL: '不是有效的网址',
  min: '不能小于 $c1',
  max: '不能大于 $c1',
  minLength: '长度不能少于 $c1 个字符',
  maxLength: '长度不能超过 $c1 个字符',
  length: '长度不符合要求',
  arrayMinSize: '至少需要 $c1 项',
  arrayMaxSize: '最多 $c1 项',
  arrayUnique: '不能有重复项',
  matches: '格式不正确',
  whitelistValidation: '是不允许的字段',
  isObject: '必须是对象',
  nestedValidation: '格式不正确',
};

/** A field named in an answer is cut short: a request cannot make its error many times its own size. */
const MAX_FIELD_CHARS = 80;
const shortened = (field: string): string => (field.length > MAX_FIELD_CHARS ? `${field.slice(0, MAX_FIELD_CHARS)}…` : field);

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const err of errors) {
    const field = shortened(parent ? `${parent}.${err.property}` : err.property);
    const constraints = Object.entries(err.constraints ?? {});
    if ((err.value === undefined || err.value === null) && constraints.length > 0 && !err.constraints?.whitelistValidation) {
      // A missing field fails every rule of it; one message says what is wrong.
      out.push({ field, message: '必须提供' });
      continue;
    }
    const messages = new Set<string>();
    for (const [key, fallback] of constraints) {
      const ctx = err.contexts?.[key] as { message?: string } | undefined;
      let text = ctx?.message ?? CONSTRAINT_TEXT[key];
      if (text) {
        const match = /(-?\d+(?:\.\d+)?)/.exec(fallback);
        text = text.replace('$c1', match ? match[1] : '');
      }
      // A constraint without Chinese text still gets a Chinese message, never the library's English.
      messages.add(text ?? (/[\u4e00-\u9fff]/.test(fallback) ? fallback : '格式不正确'));
    }
    for (const message of messages) out.push({ field, message });
    if (err.children?.length) out.push(...flatten(err.children, field));
  }
  return out;
}

/** Turns class-validator errors into one 400 whose message names every bad field. */
export function validationErrorFromClassValidator(errors: ValidationError[]): ValidationFailedError {
  const details = flatten(errors);
  const summary = details
    .slice(0, 5)
    .map((d) => `${d.field} ${d.message}`)
    .join('；');
  return new ValidationFailedError(`请求参数有误：${summary}`, details);
}
