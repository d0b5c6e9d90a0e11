import { InvalidStateError } from '../errors/domain-error';

/** One row of a transition table: from-states → action → to-state, who may, what it writes. */
export interface TransitionRule<S extends string> {
  from: readonly S[];
  to: S;
  /** Who may take it, for the reader of the table (enforced by the caller's access policy or guard). */
  who: string;
  /** The outbox event it emits, for the reader of the table (the caller's `emit` writes it). */
  event?: string;
  /** The verb of the refusal message, for machines whose refusals name the action (提交, 驳回…). */
  verb?: string;
  /** The refusal when the current state is not a from-state, when it must read differently. */
  refusal?: string;
  /** The audit action after `<entity>.` (default: the to-state). */
  audit?: string;
}

export interface StateMachineDefinition<S extends string, A extends string> {
  /** The audit entity type and the prefix of its audit actions: `proposal` → `proposal.submitted`. */
  entity: string;
  /** The aggregate's name in messages: 申请. */
  label: string;
  /** Every state with its Chinese label. */
  states: Record<S, string>;
  transitions: Record<A, TransitionRule<S>>;
  /** How a refusal reads; default "<label>当前状态为“<current>”，不能执行此操作（仅限：<allowed>）". */
  refusal?: (r: { label: string; current: string; allowed: string; verb: string | undefined }) => string;
}

const defaultRefusal: NonNullable<StateMachineDefinition<string, string>['refusal']> = ({ label, current, allowed }) =>
  `${label}当前状态为“${current}”，不能执行此操作（仅限：${allowed}）`;

/**
 * A declarative state machine: the table is data, checked when it is built, so a transition names
 * no state the aggregate does not have. `Transitions.run` applies it to a row; `check` alone serves
 * callers that must refuse early (before other work) in the same words.
 */
export class StateMachine<S extends string, A extends string> {
  constructor(readonly definition: StateMachineDefinition<S, A>) {
    for (const [action, rule] of Object.entries<TransitionRule<S>>(definition.transitions)) {
      for (const s of [...rule.from, rule.to]) {
        if (!(s in definition.states)) throw new Error(`${definition.entity}.${action}: unknown state ${s}`);
      }
      if (rule.from.length === 0) throw new Error(`${definition.entity}.${action}: no from-state`);
    }
  }

  get entity(): string {
    return this.definition.entity;
  }

  rule(action: A): TransitionRule<S> {
    return this.definition.transitions[action];
  }

  can(action: A, current: S): boolean {
    return this.rule(action).from.includes(current);
  }

  /** The to-state of `action` from `current`, or an InvalidStateError (409) in the user's words. */
  check(action: A, current: S): S {
    const rule = this.rule(action);
    if (rule.from.includes(current)) return rule.to;
    if (rule.refusal) throw new InvalidStateError(rule.refusal);
    const { label, states } = this.definition;
    const refusal = this.definition.refusal ?? defaultRefusal;
    throw new InvalidStateError(
      refusal({ label, current: states[current] ?? current, allowed: rule.from.map((s) => states[s]).join('、'), verb: rule.verb }),
    );
  }

  /** The audit action of a transition: `<entity>.<audit or to-state>`. */
  auditAction(action: A): string {
    const rule = this.rule(action);
    return `${this.definition.entity}.${rule.audit ?? rule.to}`;
  }

  /** Every edge of the table, for tests and documentation. */
  edges(): { from: S; action: A; to: S }[] {
    return (Object.entries(this.definition.transitions) as [A, TransitionRule<S>][]).flatMap(([action, rule]) =>
      rule.from.map((from) => ({ from, action, to: rule.to })),
    );
  }
}
