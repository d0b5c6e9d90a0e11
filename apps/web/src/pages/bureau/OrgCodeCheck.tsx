import { creditCodeMessage } from '../../components/credit-code';
import { ReadableTag } from '../notify/ReadableTag';

/** The credit code and the result of its GB 32100 check (valid, or which problem). */
export default function OrgCodeCheck({ code, kind }: { code: string | null; kind: string }) {
  if (!code)
    return (
      <span data-testid="org-code-check" data-valid={kind === 'enterprise' ? 'false' : 'none'}>
        {kind === 'enterprise' ? <ReadableTag color="error">企业未填写信用代码</ReadableTag> : '未填写（非企业选填）'}
      </span>
    );
  const problem = creditCodeMessage(code);
  return (
    <div>
      <code style={{ fontSize: 13 }}>{code}</code>
      <div data-testid="org-code-check" data-valid={problem ? 'false' : 'true'}>
        {problem ? <ReadableTag color="error">{problem}</ReadableTag> : <ReadableTag color="success">校验位正确</ReadableTag>}
      </div>
    </div>
  );
}
