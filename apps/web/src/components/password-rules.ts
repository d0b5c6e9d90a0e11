import type { FormRule } from 'antd';

/** The API's rules for a password someone chooses (registration, reset, change), checked before sending. */
export const NEW_PASSWORD_RULES: FormRule[] = [
  { required: true, message: '请设置密码' },
  { min: 8, message: '密码至少 8 位' },
  { max: 128, message: '密码不能超过 128 位' },
  { pattern: /[A-Za-z]/, message: '密码须包含字母' },
  { pattern: /\d/, message: '密码须包含数字' },
];

export const NEW_PASSWORD_HINT = '至少 8 位，包含字母和数字';

/** The second entry of a new password must equal the first (the field named `field`). */
export function sameAs(field: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value?: string) => {
      if (value && value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });
}
