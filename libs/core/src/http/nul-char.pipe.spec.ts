import { ValidationFailedError } from '../errors/domain-error';
import { findNulChar, NulCharPipe } from './nul-char.pipe';

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
