import { REVISION_MACHINE } from './revision-machine';

describe('the review of a revision of a published item', () => {
  it('decides a pending revision once: approved, rejected, withdrawn, or lapsed with its item', () => {
    expect(REVISION_MACHINE.check('revise', 'pending')).toBe('pending');
    expect(REVISION_MACHINE.check('approve', 'pending')).toBe('approved');
    expect(REVISION_MACHINE.check('reject', 'pending')).toBe('rejected');
    expect(REVISION_MACHINE.check('withdraw', 'pending')).toBe('withdrawn');
    expect(REVISION_MACHINE.check('lapse', 'pending')).toBe('withdrawn');
    expect(REVISION_MACHINE.edges().every((e) => e.from === 'pending')).toBe(true);
  });

  it('refuses in the user’s words, and audits as the item histories read it', () => {
    expect(() => REVISION_MACHINE.check('approve', 'rejected')).toThrow('已驳回的修改不能审核通过（仅限：待审核）');
    expect(() => REVISION_MACHINE.check('withdraw', 'approved')).toThrow('已通过的修改不能撤回（仅限：待审核）');
    expect(REVISION_MACHINE.auditAction('lapse')).toBe('revision.lapse');
  });
});
