/**
 * Every event that leaves through the outbox, tagged by type. Payloads carry ids, not
 * documents: handlers read the current state from PostgreSQL. Libraries add event types
 * here; the plumbing stays the same.
 */
interface ItemDecision {
  organizationId: string;
  actorUserId: string | null;
  /**
   * Set on `*.submitted`, `*.approved` and `*.rejected` when they are about a revision (修改) of a
   * published item rather than the item's own review: the item stays published throughout, and an
   * approved revision is re-indexed and re-matched like any approval.
   */
  revisionId?: string;
}

interface ImportPublished {
  importId: string;
  actorUserId: string;
  /** How many items the import published. */
  count: number;
}

/** An organization imported its own list: `count` of the rows went to the bureau's review at once. */
interface ImportSubmitted {
  importId: string;
  organizationId: string;
  actorUserId: string;
  count: number;
}

interface ImportOwnerSummary {
  importId: string;
  organizationId: string;
  published: number;
  matched: number;
}

export interface DomainEventPayloads {
  'organization.verified': { organizationId: string; actorUserId: string | null };
  'organization.rejected': { organizationId: string; actorUserId: string | null; reason: string };
  /** A new organization, or a rejected one corrected, waits for the bureau's verification. */
  'organization.submitted': { organizationId: string; resubmitted: boolean };
  /**
   * An organization's name, credit code or region changed (only the bureau changes a verified
   * one's): what shows its name elsewhere follows (search documents, kept public list pages).
   */
  'organization.updated': { organizationId: string; actorUserId: string | null; fields: string[] };
  /**
   * A one-time account link was recorded (a forgotten password, an e-mail to verify, an invitation,
   * a sign-up with a taken address: the link's purpose says which): the worker makes the link's
   * secret (never in the outbox) and mails it. Written as `account.password-reset` before it served
   * every purpose; the mail handler still reads rows of that name.
   */
  'account.link-issued': { linkId: string };
  /** An adoption waits for the bureau's confirmation (entered, corrected, or made from a deal). */
  'adoption.submitted': { adoptionId: string };
  // The three lists (catalog): the owner's organization is told of the bureau's decisions;
  // search indexing and matching follow approve (published) and close.
  'need.submitted': ItemDecision & { needId: string };
  'need.approved': ItemDecision & { needId: string };
  'need.rejected': ItemDecision & { needId: string; reason: string };
  'need.closed': ItemDecision & { needId: string };
  /** A published item corrected by the bureau: re-indexed and re-matched, the owner told why. */
  'need.corrected': ItemDecision & { needId: string; reason: string };
  'result.submitted': ItemDecision & { resultId: string };
  'result.approved': ItemDecision & { resultId: string };
  'result.rejected': ItemDecision & { resultId: string; reason: string };
  'result.closed': ItemDecision & { resultId: string };
  'result.corrected': ItemDecision & { resultId: string; reason: string };
  /**
   * A bureau import published `count` items at once (written once per import, instead of one
   * `*.approved` per row): they are indexed and matched in batches, and each organization
   * concerned is told once when the import's matching has finished (see the summaries below).
   */
  'need.imported': ImportPublished;
  'result.imported': ImportPublished;
  /**
   * An organization's import of its own list sent `count` rows to the bureau's review (written once
   * per import, instead of one `*.submitted` per row): the bureau is told once. Each row is in the
   * review queue as any submitted item.
   */
  'need.import-submitted': ImportSubmitted;
  'result.import-submitted': ImportSubmitted;
  /** To one owner organization: `published` of its items went public in the import, `matched` of them have a match worth telling. */
  'need.import-published': ImportOwnerSummary;
  'result.import-published': ImportOwnerSummary;
  /**
   * To one organization on the other side: `items` of the import's items match `ownItems` of its
   * own (at or above the notification threshold) — instead of one match.created per pair.
   * `itemId` names its one matched item when there is only one (for the link).
   */
  'match.import-summary': {
    importId: string;
    organizationId: string;
    importedType: 'need' | 'result';
    items: number;
    ownItems: number;
    itemId: string | null;
  };
  /** An adoption (application-list entry) confirmed or rejected by the bureau; both sides are told. */
  'adoption.confirmed': { adoptionId: string; organizationIds: string[]; actorUserId: string | null };
  'adoption.rejected': { adoptionId: string; organizationIds: string[]; actorUserId: string | null; reason: string };
  /**
   * 技术合同认定登记 of an adoption's contract: submitted by a party (told: both parties, and the
   * bureau's organizations, listed in `organizationIds`; `partyOrganizationIds` are the two sides),
   * certified with its registration number, or returned with a reason (told: both parties).
   */
  'contract.submitted': { adoptionId: string; organizationIds: string[]; partyOrganizationIds: string[]; actorUserId: string | null };
  'contract.certified': { adoptionId: string; organizationIds: string[]; actorUserId: string | null; contractRegistrationNo: string };
  'contract.returned': { adoptionId: string; organizationIds: string[]; actorUserId: string | null; reason: string };
  /** A stored match crossed the notification threshold: both sides are told (or get it in their digest). */
  'match.created': {
    matchId: string;
    needId: string;
    resultId: string;
    needOrganizationId: string;
    resultOrganizationId: string;
    score: number;
    needTitle?: string;
    resultTitle?: string;
    /** Why, as the Chinese sentences the portal shows (matching's explainMatch). */
    explanation?: string[];
  };
  // Engagements (对接): the other side is told at each step.
  'engagement.requested': { engagementId: string; organizationIds: string[] };
  'engagement.accepted': { engagementId: string; organizationIds: string[] };
  'engagement.declined': { engagementId: string; organizationIds: string[]; reason: string };
  'engagement.negotiating': { engagementId: string; organizationIds: string[] };
  'engagement.deal': { engagementId: string; organizationIds: string[]; adoptionId: string };
  'engagement.abandoned': { engagementId: string; organizationIds: string[]; reason: string };
  'engagement.unanswered': { engagementId: string; organizationIds: string[]; days: number };
  // Open calls (揭榜挂帅). `organizationIds` are the organizations to tell; `userIds` people to tell.
  'challenge.published': { challengeId: string; actorUserId: string | null };
  /** Organizations whose published results match a newly published challenge. */
  'challenge.invited': { challengeId: string; organizationIds: string[] };
  'challenge.closing-soon': { challengeId: string; organizationIds: string[]; daysLeft: number };
  'proposal.screened': { proposalId: string; challengeId: string; organizationIds: string[]; eligible: boolean; reason: string | null };
  'challenge.experts-assigned': { challengeId: string; userIds: string[] };
  'challenge.awarded': { challengeId: string; organizationIds: string[]; noticeEndsAt: string };
  'proposal.outcome': { proposalId: string; challengeId: string; organizationIds: string[]; awarded: boolean };
  'milestone.submitted': { milestoneId: string; challengeId: string };
  'milestone.accepted': { milestoneId: string; challengeId: string; organizationIds: string[] };
  'milestone.returned': { milestoneId: string; challengeId: string; organizationIds: string[]; reason: string };
  'milestone.overdue': { milestoneId: string; challengeId: string; organizationIds: string[] };
  'challenge.completed': { challengeId: string; organizationIds: string[] };
  'challenge.failed': { challengeId: string; organizationIds: string[]; reason: string };
  /** An objection during the notice period (to the bureau), and the bureau's answer (to whoever filed it). */
  'challenge.objection-filed': { challengeId: string; objectionId: string };
  'challenge.objection-answered': { challengeId: string; objectionId: string; organizationIds: string[] };
  /** A challenge withdrawn before its award: every organization with a proposal is told why. */
  'challenge.cancelled': { challengeId: string; organizationIds: string[]; reason: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export type DomainEvent = {
  [K in DomainEventType]: { id: string; type: K; payload: DomainEventPayloads[K]; createdAt: string };
}[DomainEventType];

/** The job data the outbox relay enqueues for an event. */
export interface RelayedEvent<K extends DomainEventType = DomainEventType> {
  eventId: string;
  type: K;
  payload: DomainEventPayloads[K];
  createdAt: string;
}
