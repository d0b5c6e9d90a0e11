import { ENGAGEMENT_MACHINE } from './engagement.entity';

describe('the 对接 transition table', () => {
  it('runs request → accepted → negotiating → deal', () => {
    let s = ENGAGEMENT_MACHINE.check('accept', 'requested');
    s = ENGAGEMENT_MACHINE.check('negotiate', s);
    expect(ENGAGEMENT_MACHINE.check('deal', s)).toBe('deal');
  });

  it('ends at a decline or an abandonment, and a deal needs negotiation first', () => {
    expect(ENGAGEMENT_MACHINE.check('decline', 'requested')).toBe('declined');
    expect(ENGAGEMENT_MACHINE.check('abandon', 'negotiating')).toBe('abandoned');
    expect(() => ENGAGEMENT_MACHINE.check('deal', 'accepted')).toThrow('对接当前状态为“已接受”，不能执行此操作（仅限：洽谈中）');
    expect(() => ENGAGEMENT_MACHINE.check('abandon', 'deal')).toThrow('仅限：待答复、已接受、洽谈中');
  });
});
