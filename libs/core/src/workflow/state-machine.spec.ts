import { InvalidStateError } from '../errors/domain-error';
import { StateMachine } from './state-machine';

describe('StateMachine', () => {
  const lamp = new StateMachine({
    entity: 'lamp',
    label: '台灯',
    states: { off: '关', on: '开', broken: '坏了' },
    transitions: {
      switchOn: { from: ['off'], to: 'on', who: 'anyone' },
      switchOff: { from: ['on'], to: 'off', who: 'anyone', audit: 'switched-off' },
      repair: { from: ['broken'], to: 'off', who: 'a technician', refusal: '只有坏了的台灯需要修' },
    },
  });

  it('answers the to-state of an allowed action', () => {
    expect(lamp.check('switchOn', 'off')).toBe('on');
    expect(lamp.can('switchOff', 'off')).toBe(false);
  });

  it('refuses in the user’s words: the current state and the allowed ones, or the rule’s own refusal', () => {
    expect(() => lamp.check('switchOff', 'broken')).toThrow(new InvalidStateError('台灯当前状态为“坏了”，不能执行此操作（仅限：开）'));
    expect(() => lamp.check('repair', 'on')).toThrow(new InvalidStateError('只有坏了的台灯需要修'));
  });

  it('names its audit actions after the to-state unless the rule says otherwise', () => {
    expect(lamp.auditAction('switchOn')).toBe('lamp.on');
    expect(lamp.auditAction('switchOff')).toBe('lamp.switched-off');
  });

  it('lists its edges', () => {
    expect(lamp.edges()).toEqual([
      { from: 'off', action: 'switchOn', to: 'on' },
      { from: 'on', action: 'switchOff', to: 'off' },
      { from: 'broken', action: 'repair', to: 'off' },
    ]);
  });

  it('refuses a table that names a state the aggregate does not have', () => {
    expect(
      () =>
        new StateMachine({
          entity: 'lamp',
          label: '台灯',
          states: { off: '关', on: '开' } as Record<string, string>,
          transitions: { melt: { from: ['on'], to: 'molten', who: 'nobody' } },
        }),
    ).toThrow('lamp.melt: unknown state molten');
  });
});
