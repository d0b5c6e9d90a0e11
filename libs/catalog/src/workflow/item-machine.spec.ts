import { ITEM_MACHINES } from './item-machine';

describe('the review workflow of needs and results', () => {
  const need = ITEM_MACHINES.need;

  it('goes draft → submitted → published → closed, and back from rejected', () => {
    expect(need.check('submit', 'draft')).toBe('submitted');
    expect(need.check('reject', 'submitted')).toBe('rejected');
    expect(need.check('submit', 'rejected')).toBe('submitted');
    expect(need.check('approve', 'submitted')).toBe('published');
    expect(need.check('close', 'published')).toBe('closed');
  });

  it('lets the bureau close only a published item, and names the refused action', () => {
    expect(() => need.check('retire', 'draft')).toThrow('草稿的需求不能关闭（仅限：已发布）');
    expect(() => ITEM_MACHINES.result.check('submit', 'published')).toThrow('已发布的成果不能提交（仅限：草稿、已驳回）');
  });

  it('audits by action, as the item histories read them', () => {
    expect(need.auditAction('retire')).toBe('need.close');
    expect(need.auditAction('approve')).toBe('need.approve');
  });
});
