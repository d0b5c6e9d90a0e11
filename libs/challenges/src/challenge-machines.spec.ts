import { CHALLENGE_MACHINE, MILESTONE_MACHINE, PROPOSAL_MACHINE } from './challenge-machines';

/** The 揭榜挂帅 tables read as the domain says (domain.md's lifecycles), without a database. */
describe('challenge, proposal and milestone transition tables', () => {
  it('moves a challenge draft → published → reviewing → awarded → in progress → completed or failed', () => {
    const path = ['publish', 'startReview', 'award', 'finalize', 'complete'] as const;
    let state = CHALLENGE_MACHINE.definition.transitions.publish.from[0]!;
    for (const action of path) state = CHALLENGE_MACHINE.check(action, state);
    expect(state).toBe('completed');
    expect(CHALLENGE_MACHINE.check('fail', 'in_progress')).toBe('failed');
  });

  it('cancels a challenge only before it is awarded, in the bureau’s words', () => {
    for (const s of ['draft', 'published', 'reviewing'] as const) expect(CHALLENGE_MACHINE.check('cancel', s)).toBe('cancelled');
    expect(() => CHALLENGE_MACHINE.check('cancel', 'awarded')).toThrow('该榜单已评定，不能撤榜');
    expect(() => CHALLENGE_MACHINE.check('publish', 'published')).toThrow('只有草稿状态的榜单可以发布');
  });

  it('screens a proposal either way, and again, until the challenge is finalised', () => {
    expect(PROPOSAL_MACHINE.check('ruleOut', 'shortlisted')).toBe('ineligible');
    expect(PROPOSAL_MACHINE.check('shortlist', 'ineligible')).toBe('shortlisted');
    expect(() => PROPOSAL_MACHINE.check('withdraw', 'shortlisted')).toThrow(
      '申请当前状态为“入围评审”，不能执行此操作（仅限：草稿、已提交）',
    );
    expect(PROPOSAL_MACHINE.auditAction('award')).toBe('proposal.awarded');
  });

  it('lets a returned milestone be submitted again, and only a submitted one be accepted', () => {
    expect(MILESTONE_MACHINE.check('submit', 'returned')).toBe('submitted');
    expect(() => MILESTONE_MACHINE.check('accept', 'pending')).toThrow('里程碑当前状态为“待提交”，不能执行此操作（仅限：待验收）');
  });
});
