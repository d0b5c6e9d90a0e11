import { randomBytes } from 'node:crypto';
import type { ChallengeStatus, ProposalStatus } from '@app/challenges';
import { Clock } from '@app/core';
import { UsersService } from '@app/identity';
import { challengeBody, milestonePlan, needBody, proposalBody, resultBody, scoresOf } from './bodies';
import type { OrgSession, TestApp } from './test-app';

/**
 * Factories: each test builds the state it is about, through the API as a user would (a member's
 * account through the users service: there is no request that adds one with a password), so that
 * every test can run alone. Dates follow the server's clock, which the factories move forward
 * where the rules need time to pass (a window closing, a notice period ending); every date they
 * set is relative to it, so tests that share an app do not disturb each other.
 *
 *   const make = factories(t);
 *   const ch = await make.challengeIn('reviewing');          // two shortlisted proposals, three experts
 *   const p = await make.proposalIn('declined');
 */
export function factories(t: TestApp): Factories {
  let f = made.get(t);
  if (!f) made.set(t, (f = new Factories(t)));
  return f;
}

const made = new WeakMap<TestApp, Factories>();

export type ApplicantKind = 'enterprise' | 'university' | 'institute';
type OrgKind = ApplicantKind | 'bureau';

const DEFAULT_NAMES: Record<OrgKind, string> = {
  enterprise: '某科技有限公司',
  university: '某理工大学',
  institute: '某研究院',
  bureau: '荆门市科学技术局',
};

export interface Expert {
  userId: string;
  organizationId: string;
  name: string;
  token: string;
}

/** One organization answering a challenge, and how far its proposal goes. */
export interface ApplicantSpec {
  /** An organization the test already has; otherwise a fresh verified one of `kind` (an enterprise) named `name`. */
  org?: OrgSession;
  kind?: ApplicantKind;
  name?: string;
  /** Requested budget; 1,000,000 yuan unless given. */
  budgetYuan?: number;
  /** A proposal left as a draft, or withdrawn after submission; otherwise submitted (and screened in review). */
  stop?: 'draft' | 'withdrawn';
  /** Ruled out at screening with this reason, instead of shortlisted. */
  ineligible?: string;
}

export interface ChallengeSpec {
  /** Fields of the challenge's body to change (see `challengeBody`). */
  body?: Record<string, unknown>;
  /** Applicants by a key the test names them by. Default: none up to `published`; from review on, `a` (an enterprise) and `b` (a university). */
  applicants?: Record<string, ApplicantSpec>;
  /** Assigned when the review starts: these experts, or this many fresh ones (three unless given; 0 for none). */
  experts?: Expert[] | number;
  /** Conflicts the experts declare once assigned: `expert` indexes `experts`, `applicant` names an applicant. */
  conflicts?: { expert: number; applicant: string; reason?: string }[];
  /** Whether every owed review is submitted while `reviewing` (always done before an award). */
  reviewed?: boolean;
  /** The total an expert gives an applicant's proposal (the same score on every criterion); 80 unless given. */
  score?: (applicant: string, expert: number) => number;
  /** The award per winner: budget (its requested one unless given) and the number of milestones (one). Default: every shortlisted applicant. */
  winners?: Record<string, { budgetYuan?: number; milestones?: number }>;
  /** The reason of a cancellation or a failed final acceptance. */
  reason?: string;
}

/** A challenge a factory built, with whom it built it. */
export interface ChallengeState {
  id: string;
  status: ChallengeStatus;
  bureau: OrgSession;
  closesAt: Date;
  applicants: Record<string, OrgSession>;
  /** Proposal ids by applicant key. */
  proposals: Record<string, string>;
  experts: Expert[];
  spec: ChallengeSpec;
  reviewed: boolean;
}

export interface ProposalState {
  id: string;
  organization: OrgSession;
  challenge: ChallengeState;
}

/** The main line of a challenge's life; `cancelled` leaves it from `published`, `failed` from `in_progress`. */
const LINE: ChallengeStatus[] = ['draft', 'published', 'reviewing', 'awarded', 'in_progress', 'completed'];

const DEFAULT_APPLICANTS: Record<string, ApplicantSpec> = {
  a: { kind: 'enterprise', name: '荆门某新材料有限公司', budgetYuan: 2_000_000 },
  b: { kind: 'university', name: '荆门某理工学院', budgetYuan: 1_500_000 },
};

const PASSWORD = 'Passw0rd-test';
const MINUTE = 60_000;
const DAY = 86_400_000;

export class Factories {
  private bureauSession?: Promise<OrgSession>;
  private expertsHome?: Promise<OrgSession>;

  constructor(readonly t: TestApp) {}

  get clock(): Clock {
    return this.t.get(Clock);
  }

  /** A verified organization with one admin, logged in. */
  verifiedOrg(kind: OrgKind, name = DEFAULT_NAMES[kind], extra: { isExpert?: boolean; expertFields?: string[] } = {}): Promise<OrgSession> {
    return this.t.verifiedOrg(kind, name, extra);
  }

  /** The city's bureau (科技局): one per test app, made on first use. */
  bureau(): Promise<OrgSession> {
    this.bureauSession ??= this.verifiedOrg('bureau');
    return this.bureauSession;
  }

  /**
   * A member of `organization` (by default a university none of the factories' applicants belong
   * to) whom the bureau put in the expert pool, logged in.
   */
  async expert(opts: { organization?: { organizationId: string }; name?: string; fields?: string[] } = {}): Promise<Expert> {
    this.expertsHome ??= this.verifiedOrg('university', '武汉某大学（专家库）');
    const organizationId = opts.organization?.organizationId ?? (await this.expertsHome).organizationId;
    const email = `expert-${randomBytes(5).toString('hex')}@test.local`;
    const name = opts.name ?? `专家${randomBytes(2).toString('hex')}`;
    const user = await this.t.get(UsersService).create({ organizationId, email, password: PASSWORD, name, role: 'member' });
    const bureau = await this.bureau();
    await this.ok('POST', `/api/users/${user.id}/expert`, bureau.token, { isExpert: true, fields: opts.fields ?? ['动力储能电池'] });
    const login = await this.ok('POST', '/api/auth/login', undefined, { email, password: PASSWORD });
    return { userId: user.id, organizationId, name, token: login.accessToken };
  }

  /** A need of `org`'s, submitted and approved by the bureau (its view as published). */
  async publishedNeed(org: OrgSession, overrides: Record<string, unknown> = {}): Promise<any> {
    return this.publishedItem('needs', org, needBody(overrides));
  }

  /** A result of `org`'s, submitted and approved by the bureau (its view as published). */
  async publishedResult(org: OrgSession, overrides: Record<string, unknown> = {}): Promise<any> {
    return this.publishedItem('results', org, resultBody(overrides));
  }

  /**
   * A challenge of the bureau's brought to `status` the way the bureau, the applicants and the
   * experts would (see `ChallengeSpec` for who takes part; `advance` takes it further).
   */
  async challengeIn(status: ChallengeStatus, spec: ChallengeSpec = {}): Promise<ChallengeState> {
    const bureau = await this.bureau();
    const created = await this.ok('POST', '/api/challenges', bureau.token, challengeBody(this.clock.now(), spec.body), 201);
    const beyondPublished = !['draft', 'published', 'cancelled'].includes(status);
    const ch: ChallengeState = {
      id: created.id,
      status: 'draft',
      bureau,
      closesAt: new Date(created.closesAt),
      applicants: {},
      proposals: {},
      experts: [],
      spec: { ...spec, applicants: spec.applicants ?? (beyondPublished ? DEFAULT_APPLICANTS : {}) },
      reviewed: false,
    };
    await this.advance(ch, status);
    return ch;
  }

  /** Takes a challenge the factories built further along its life, to `status`. */
  async advance(ch: ChallengeState, status: ChallengeStatus): Promise<ChallengeState> {
    const target = status === 'cancelled' ? 'published' : status === 'failed' ? 'in_progress' : status;
    const steps: [ChallengeStatus, () => Promise<void>][] = [
      ['published', () => this.publish(ch)],
      ['reviewing', () => this.startReview(ch)],
      ['awarded', () => this.award(ch)],
      ['in_progress', () => this.finalize(ch)],
      ['completed', () => this.complete(ch)],
    ];
    for (const [next, step] of steps) {
      if (LINE.indexOf(ch.status) < LINE.indexOf(next) && LINE.indexOf(next) <= LINE.indexOf(target)) {
        await step();
        ch.status = next;
      }
    }
    if (status === 'cancelled' || status === 'failed') {
      const action = status === 'cancelled' ? 'cancel' : 'fail';
      await this.ok('POST', `/api/challenges/${ch.id}/${action}`, ch.bureau.token, { reason: ch.spec.reason ?? '企业需求已变更' });
      ch.status = status;
    }
    return ch;
  }

  /**
   * A proposal in `status`, on a challenge of its own (built with `spec`): the applicant is keyed
   * `applicant`; a declined one loses to a rival keyed `rival`.
   */
  async proposalIn(status: ProposalStatus, spec: ChallengeSpec & { applicant?: ApplicantSpec } = {}): Promise<ProposalState> {
    const { applicant = {}, ...rest } = spec;
    const plan: Record<ProposalStatus, [ChallengeStatus, ApplicantSpec]> = {
      draft: ['published', { stop: 'draft' }],
      submitted: ['published', {}],
      withdrawn: ['published', { stop: 'withdrawn' }],
      ineligible: ['reviewing', { ineligible: '缺少单位盖章的承诺书' }],
      shortlisted: ['reviewing', {}],
      awarded: ['in_progress', {}],
      declined: ['in_progress', {}],
    };
    const [challengeStatus, own] = plan[status];
    const applicants: Record<string, ApplicantSpec> = { applicant: { ...own, ...applicant } };
    if (status === 'declined') applicants.rival = { kind: 'university', name: '竞争单位' };
    const challenge = await this.challengeIn(challengeStatus, {
      ...rest,
      applicants,
      winners: rest.winners ?? (status === 'declined' ? { rival: {} } : undefined),
    });
    return { id: challenge.proposals.applicant, organization: challenge.applicants.applicant, challenge };
  }

  /** Moves the server's clock past `until` (a minute after it), if it is not already. */
  passTime(until: Date): void {
    const ms = until.getTime() - this.clock.now().getTime();
    if (ms >= 0) this.clock.advanceForTests(ms + MINUTE);
  }

  /** Publishes, and the applicants draft, submit or withdraw their proposals. */
  private async publish(ch: ChallengeState): Promise<void> {
    await this.ok('POST', `/api/challenges/${ch.id}/publish`, ch.bureau.token);
    for (const [key, a] of Object.entries(ch.spec.applicants ?? {})) {
      const org = a.org ?? (await this.verifiedOrg(a.kind ?? 'enterprise', a.name));
      const p = await this.ok('POST', `/api/challenges/${ch.id}/proposals`, org.token, proposalBody(a.budgetYuan ?? 1_000_000), 201);
      ch.applicants[key] = org;
      ch.proposals[key] = p.id;
      if (a.stop === 'draft') continue;
      await this.ok('POST', `/api/proposals/${p.id}/submit`, org.token);
      if (a.stop === 'withdrawn') await this.ok('POST', `/api/proposals/${p.id}/withdraw`, org.token);
    }
  }

  /** The window closes; the bureau starts the review, screens every submitted proposal, assigns the experts. */
  private async startReview(ch: ChallengeState): Promise<void> {
    this.passTime(ch.closesAt);
    await this.ok('POST', `/api/challenges/${ch.id}/start-review`, ch.bureau.token);
    for (const [key, a] of this.submitted(ch)) {
      const body = a.ineligible ? { eligible: false, reason: a.ineligible } : { eligible: true };
      await this.ok('POST', `/api/proposals/${ch.proposals[key]}/eligibility`, ch.bureau.token, body);
    }
    const experts = ch.spec.experts ?? 3;
    ch.experts = typeof experts === 'number' ? await this.many(experts, () => this.expert()) : experts;
    if (ch.experts.length) {
      await this.ok('POST', `/api/challenges/${ch.id}/experts`, ch.bureau.token, { userIds: ch.experts.map((e) => e.userId) });
    }
    for (const c of ch.spec.conflicts ?? []) {
      await this.ok(
        'POST',
        `/api/challenges/${ch.id}/conflicts`,
        ch.experts[c.expert].token,
        { proposalId: ch.proposals[c.applicant], reason: c.reason ?? '曾与申报团队合作' },
        201,
      );
    }
    if (ch.spec.reviewed) await this.submitReviews(ch);
  }

  /** Every review owed: each assigned expert on each shortlisted proposal, but their own organization's and their conflicts. */
  private async submitReviews(ch: ChallengeState): Promise<void> {
    const conflicted = new Set((ch.spec.conflicts ?? []).map((c) => `${c.expert}:${c.applicant}`));
    for (const [key] of this.shortlisted(ch)) {
      for (const [i, e] of ch.experts.entries()) {
        if (e.organizationId === ch.applicants[key].organizationId || conflicted.has(`${i}:${key}`)) continue;
        const score = ch.spec.score?.(key, i) ?? 80;
        await this.ok('POST', `/api/proposals/${ch.proposals[key]}/reviews/mine/submit`, e.token, { scores: scoresOf(score) });
      }
    }
    ch.reviewed = true;
  }

  private async award(ch: ChallengeState): Promise<void> {
    if (!ch.reviewed) await this.submitReviews(ch);
    const winners =
      ch.spec.winners ?? Object.fromEntries(this.shortlisted(ch).map(([key]) => [key, {} as { budgetYuan?: number; milestones?: number }]));
    await this.ok('POST', `/api/challenges/${ch.id}/award`, ch.bureau.token, {
      winners: Object.entries(winners).map(([key, w]) => ({
        proposalId: ch.proposals[key],
        budgetYuan: w.budgetYuan ?? ch.spec.applicants?.[key]?.budgetYuan ?? 1_000_000,
        milestones: milestonePlan(w.milestones ?? 1),
      })),
    });
  }

  /** The notice period ends; the bureau confirms the award. */
  private async finalize(ch: ChallengeState): Promise<void> {
    const c = await this.ok('GET', `/api/challenges/${ch.id}`, ch.bureau.token);
    this.passTime(new Date(c.noticeEndsAt ?? this.clock.now().getTime() + 60 * DAY));
    await this.ok('POST', `/api/challenges/${ch.id}/finalize`, ch.bureau.token);
  }

  /** Each winner hands in every milestone still open, the bureau accepts each, then the final acceptance. */
  private async complete(ch: ChallengeState): Promise<void> {
    const milestones: { id: string; proposalId: string; status: string }[] = await this.ok(
      'GET',
      `/api/challenges/${ch.id}/milestones`,
      ch.bureau.token,
    );
    const owner = (proposalId: string) => ch.applicants[Object.keys(ch.proposals).find((k) => ch.proposals[k] === proposalId) ?? ''];
    for (const m of milestones.filter((x) => x.status !== 'accepted')) {
      if (m.status !== 'submitted') {
        await this.ok('POST', `/api/milestones/${m.id}/evidence`, owner(m.proposalId).token, { evidence: '完成材料' });
      }
      await this.ok('POST', `/api/milestones/${m.id}/accept`, ch.bureau.token);
    }
    await this.ok('POST', `/api/challenges/${ch.id}/complete`, ch.bureau.token);
  }

  private submitted(ch: ChallengeState): [string, ApplicantSpec][] {
    return Object.entries(ch.spec.applicants ?? {}).filter(([key, a]) => ch.proposals[key] && !a.stop);
  }

  private shortlisted(ch: ChallengeState): [string, ApplicantSpec][] {
    return this.submitted(ch).filter(([, a]) => !a.ineligible);
  }

  private async publishedItem(kind: 'needs' | 'results', org: OrgSession, body: Record<string, unknown>): Promise<any> {
    const bureau = await this.bureau();
    const item = await this.ok('POST', `/api/${kind}`, org.token, body, 201);
    await this.ok('POST', `/api/${kind}/${item.id}/submit`, org.token);
    return this.ok('POST', `/api/${kind}/${item.id}/approve`, bureau.token);
  }

  private async many<T>(n: number, make: () => Promise<T>): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(await make());
    return out;
  }

  /** A request that must succeed (a step of a fixture, not what a test checks): its body, or an error naming what the API said. */
  async ok(method: 'GET' | 'POST', url: string, token?: string, body?: unknown, status = 200): Promise<any> {
    const res = await this.t.request(method, url, { token, body });
    if (res.status !== status) throw new Error(`factory: ${method} ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
