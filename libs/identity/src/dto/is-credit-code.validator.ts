import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../credit-code.util';

/** class-validator decorator: a valid 统一社会信用代码, with a Chinese message saying what is wrong. */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: (args: ValidationArguments) => {
          const problem = typeof args.value === 'string' ? creditCodeProblem(args.value) : 'length';
          return CREDIT_CODE_MESSAGES[problem ?? 'check'];
        },
      },
    });
  };
}
