import { Form, Input } from 'antd';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES, sameAs } from './password-rules';

interface Props {
  /** The form field of the password (the confirmation is `confirm`). */
  name?: string;
  label?: string;
  /** What the confirmation asks for again: 确认<noun>, 请再次输入<noun>. */
  confirmNoun?: string;
}

/**
 * A password someone chooses, with the API's rules and the hint, then the same password again
 * (the form field `confirm`, which must equal it).
 */
export default function NewPasswordFields({ name = 'password', label = '新密码', confirmNoun = '新密码' }: Props) {
  return (
    <>
      <Form.Item name={name} label={label} extra={NEW_PASSWORD_HINT} rules={NEW_PASSWORD_RULES}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={`确认${confirmNoun}`}
        dependencies={[name]}
        rules={[{ required: true, message: `请再次输入${confirmNoun}` }, sameAs(name)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
