import type { FormRule } from 'antd';

/** A person's name on an account (registration, an invitation accepted, a member added): 1–50 characters. */
export const PERSON_NAME_RULES: FormRule[] = [
  { required: true, whitespace: true, message: '请输入姓名' },
  { max: 50, message: '最多 50 字' },
];

/** The e-mail address an account signs in with. */
export const LOGIN_EMAIL_RULES: FormRule[] = [
  { required: true, message: '请输入邮箱' },
  { type: 'email', message: '邮箱格式不正确' },
  { max: 200, message: '最多 200 字符' },
];
