import type { FormRule } from 'antd';

/**
 * The API's rules for a password someone chooses, checked before sending; a form may word the
 * missing and the too-long password its own way (an admin sets a colleague's 初始密码).
 */
export function newPasswordRules({ required = '请设置密码', tooLong = '密码不能超过 128 位' } = {}): FormRule[] {
  return [
    { required: true, message: required },
    { min: 8, message: '密码至少 8 位' },
    { max: 128, message: tooLong },
    { pattern: /[A-Za-z]/, message: '密码须包含字母' },
    { pattern: /\d/, message: '密码须包含数字' },
  ];
}

/** The rules of registration, reset and change. */
export const NEW_PASSWORD_RULES: FormRule[] = newPasswordRules();

export const NEW_PASSWORD_HINT = '至少 8 位，包含字母和数字';

/** The second entry of a new password must equal the first (the field named `field`). */
export function sameAs(field: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value?: string) => {
      if (value && value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });
}
