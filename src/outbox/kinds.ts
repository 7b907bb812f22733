/**
 * Every kind of message ortak sends other than the direct answer to the person who caused it,
 * with its rules. Each kind has one renderer, registered with the delivery in
 * src/features/delivery.ts (the type there requires one for every kind listed here).
 *
 * Rules every kind shares (src/outbox/delivery.ts): a 429 waits Telegram's retry_after and a
 * budget wait is not a try; a 403 skips the message; a permanent 400 fails it at once; other
 * errors are tried again after 5 s, 10 s, 20 s … up to 5 minutes, ten tries in all (about 20
 * minutes); a message that fails for good is told to the network's organisers once per meeting
 * and kind.
 */
export interface KindRules {
  /** What it is, for people reading this list. */
  readonly what: string;
  /**
   * Past this lateness it is no longer worth sending (a reminder missed while the bot was down
   * is skipped, not fired late). Without it, a late message still goes out.
   */
  readonly staleAfterMs?: number;
  /** A failure notice itself: when it fails, nobody is told about that. */
  readonly quietOnFailure?: boolean;
  /** Work without a message of its own (it writes other rows, or expires a turn): not paced. */
  readonly silent?: boolean;
  /**
   * Waits behind every other kind due at the same time: Telegram's 25 messages a second go to
   * reminders and notices first. For edits, whose later run shows the same anyway.
   */
  readonly waitsBehind?: boolean;
}

const REMINDER_GRACE_MS = 30 * 60_000;
const reminder = (what: string): KindRules => ({ what, staleAfterMs: REMINDER_GRACE_MS });
const notice = (what: string): KindRules => ({ what });

export const OUTBOX_KINDS = {
  // Invitations
  "card-post": { what: "the invitation card in a linked chat, then (its second part) pinned where the bot may" },
  "card-dm": { what: "the invitation card to one member by DM" },
  "card-refresh": { what: "a meeting's answers changed: each card that now shows something else gets a card-edit", silent: true },
  "card-edit": { what: "one posted card edited to what the database says now (at most one per card every 3 s)", waitsBehind: true },

  // Reminders, planned from the network's policy (src/domain/reminders.ts)
  before: reminder("to a member who answered yes or maybe, before the meeting (DM)"),
  "group-summary": reminder("to each linked chat the day before: answers per organisation"),
  nudge: reminder("to a member who has not answered, before the deadline (DM)"),
  "group-silent": reminder("to each linked chat at the nudge time: organisations that have not answered"),
  "organiser-summary": reminder("to each organiser at the deadline: answers per organisation (DM)"),
  "host-checklist": reminder("to the host's contacts: a preparation step (DM, with a Done button)"),
  "checkin-card": reminder("to each linked chat at the start: the check-in card"),
  "organiser-eve": reminder("to each organiser the day before: answers per organisation and support needs in totals (DM)"),
  "venue-reveal": notice("to a member who answered yes: a confidential meeting's venue, before the start or at once when later (DM, protected)"),
  "venue-undelivered": notice("a confidential venue could not reach a member (blocked, never started the bot): to each organiser, once per member (DM)"),
  "action-soon": reminder("to an action item's owner, two days before it is due (DM)"),
  "action-due": reminder("to an action item's owner on the morning it is due (DM)"),
  // Task check-ins (src/features/checkins/renderers.ts)
  "task-checkins": { what: "seven days before a meeting: a task-checkin to each owner of an open task of earlier meetings", staleAfterMs: 2 * 86_400_000, silent: true },
  "task-checkin": { what: "to an open task's owner (a person, or each contact of the owning organisation): how does it stand? (DM, with Done / In progress / Blocked)", staleAfterMs: 86_400_000 },
  "task-checkin-edit": { what: "a check-in answered for an organisation: the other contacts' check-in messages edited to show it", waitsBehind: true },
  "task-summary": { what: "to each organiser three days before a meeting: the tasks per organisation, done / in progress / blocked / no answer (DM)", staleAfterMs: 86_400_000 },
  "host-expiry": { what: "a hosting proposal's answer deadline: the turn expires and passes on", silent: true },

  // Notices
  "meeting-notice": notice("a meeting was moved or cancelled: to each linked chat"),
  "host-proposal": notice("a hosting proposal to the organisation's contacts (DM, with answer buttons)"),
  "host-group": notice("hosting news to each linked chat: proposed, accepted, declined, swapped"),
  "host-organisers": notice("hosting news for organisers (DM): expired, nobody left"),
  "host-swap": notice("a swap request to the other organisation's contacts (DM, with buttons), or its refusal"),
  "waitlist-promotion": notice("a waitlisted member got a place (DM)"),
  "needs-offer": notice("after a yes or maybe: the support needs buttons to that member, once per meeting (DM; written by the card refresh)"),
  "membership-organisers": notice("a member left every linked chat: to the organisers (DM)"),
  "action-organisers": notice("an action item was done: to the organisers (DM)"),
  "minutes-copy": { what: "a published version of the minutes to a linked chat or an organiser: messages (the last with \"İtirazım var\" while objections are open), then .md (with the decision register) and .pdf, one part per delivery" },
  "minutes-approved": notice("approved minutes to each organiser (DM): .md and .pdf recording the objections and how each was answered"),
  "objection-notice": notice("a member objected to published minutes: to each organiser and the minute-taker, with the objector's name (DM)"),
  "objection-answer": notice("an organiser answered an objection: to the objector (DM)"),
  "delivery-failed": { what: "a message could not be delivered for good: to the organisers (DM), once per meeting and kind", quietOnFailure: true },

  // Date polls (src/features/polls/renderers.ts)
  "poll-card-post": { what: "a date poll's card in a linked chat" },
  "poll-card-refresh": { what: "a date poll's votes or state changed (or its deadline came): each card that now shows something else gets a poll-card-edit", silent: true },
  "poll-card-edit": { what: "one posted poll card edited to what the database says now (at most one per card every 3 s)", waitsBehind: true },
  "poll-nudges": { ...reminder("a day before a poll's deadline: a poll-nudge to each member who has not voted"), silent: true },
  "poll-nudge": reminder("to a member who has not voted, a day before the poll's deadline (DM)"),
  "poll-result": notice("a poll was closed into a meeting: to each member who voted (DM)"),
  "poll-ended": notice("a poll's deadline passed while it is open: to each organiser (DM), with the tallies and how to close it"),
} as const satisfies Record<string, KindRules>;

export type OutboxKind = keyof typeof OUTBOX_KINDS;

export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.hasOwn(OUTBOX_KINDS, kind);
}

export function rulesOf(kind: string): KindRules | undefined {
  return isOutboxKind(kind) ? OUTBOX_KINDS[kind] : undefined;
}

/** The queue priority of a kind's jobs: none (first) unless it waits behind the others. */
export function queuePriority(kind: string): number | undefined {
  return rulesOf(kind)?.waitsBehind ? 10 : undefined;
}
