import { ValidationFailedError } from '../errors/domain-error';
import { findNulChar, findTextProblem, NulCharPipe } from './nul-char.pipe';

describe('NUL characters in requests', () => {
  it('finds the path of the first string holding one', () => {
    expect(findNulChar({ a: 'ok', b: { c: ['x', 'y\u0000'] } }, '')).toBe('b.c[1]');
    expect(findNulChar('a\u0000', 'q')).toBe('q');
    expect(findNulChar({ a: 'ok', n: 5, d: null }, '')).toBeNull();
  });

  it('refuses the body with a 400 naming the field, and lets clean input through', () => {
    const pipe = new NulCharPipe();
    const call = () => pipe.transform({ title: '测试\u0000零字节' }, { type: 'body' });
    expect(call).toThrow(ValidationFailedError);
    try {
      call();
    } catch (e) {
      expect((e as ValidationFailedError).details).toEqual([{ field: 'title', message: '含有不允许的控制字符' }]);
    }
    expect(pipe.transform({ title: '正常' }, { type: 'body' })).toEqual({ title: '正常' });
    expect(() => pipe.transform('x\u0000', { type: 'query', data: 'q' })).toThrow('q 含有不允许的控制字符');
  });
});

describe('malformed and hostile text in requests', () => {
  const pipe = new NulCharPipe();
  const detailsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as ValidationFailedError).details;
    }
    return null;
  };

  it('refuses a lone surrogate naming the field, and keeps well-formed astral characters', () => {
    expect(detailsOf(() => pipe.transform({ email: 'a\ud800@x.cn' }, { type: 'body' }))).toEqual([
      { field: 'email', message: '含有无效的 Unicode 字符' },
    ]);
    expect(detailsOf(() => pipe.transform({ list: ['ok', '\udc00'] }, { type: 'body' }))).toEqual([
      { field: 'list[1]', message: '含有无效的 Unicode 字符' },
    ]);
    expect(pipe.transform({ title: '𠀀 emoji 😀' }, { type: 'body' })).toEqual({ title: '𠀀 emoji 😀' });
  });

  it('refuses JSON nested thousands of levels deep with a 400, without exhausting the stack', () => {
    const deep = JSON.parse('['.repeat(5000) + ']'.repeat(5000));
    const details = detailsOf(() => pipe.transform({ keywords: deep }, { type: 'body' }));
    expect(details?.[0].message).toBe('嵌套层次过深');
    expect(details?.[0].field).toMatch(/^keywords(\[0\])+$/);
    expect(findTextProblem({ a: { b: { c: 'x' } } }, '')).toBeNull();
  });
});
