import { DateTime } from "luxon";
import { parseDate, parseDateTime, type DateProblem } from "./datetime.ts";
import { checkName, NAME_LIMITS, normaliseName, type NameProblem } from "./names.ts";
import { planReminders } from "./reminders.ts";

/** How many candidate dates a poll offers: a choice, and one row of buttons each within one card. */
export const POLL_CANDIDATES = { min: 2, max: 6 } as const;
/** A poll's title is held to a meeting title's limit: it becomes the meeting's title. */
export const POLL_TITLE_MAX = NAME_LIMITS.venue;

export type PollAnswer = "yes" | "maybe" | "no";

/** A typed /poll_dates: the title, the candidates in the order written, the optional deadline. */
export interface PollDraft {
  title: string;
  candidates: DateTime[];
  deadline: DateTime | undefined;
}

/** Why a /poll_dates was refused; positions count the candidates from 1, as the card will. */
export type PollDraftProblem =
  | { kind: "usage" }
  | { kind: "title"; problem: NameProblem }
  | { kind: "too-few"; count: number }
  | { kind: "too-many"; count: number }
  | { kind: "candidate"; position: number; problem: DateProblem }
  /** A part that starts like a deadline but is not the last one. */
  | { kind: "deadline-not-last" }
  | { kind: "same-candidates"; first: number; second: number }
  | { kind: "deadline"; problem: DateProblem }
  | { kind: "deadline-after-candidate" };

/**
 * "son:", "son yanıt:", "son oylama:" (each also with "tarih(i)" or "gün(ü)"), "son tarih:",
 * "son gün:", "deadline:" in any case; the Turkish letters are spelled out, because a
 * case-insensitive match does not pair İ with i or I with ı.
 */
const I = "[iİıI]";
const DEADLINE_PREFIX = new RegExp(`^\\s*(?:son(?:\\s+(?:yan${I}t|oylama))?(?:\\s+(?:tar${I}h${I}?|g[üu]n[üu]?))?|deadl${I}ne)\\s*:\\s*`, "iu");

/** The deadline's text when the part is one ("son: 10 Mart 18:00"), else undefined. */
export function readDeadlinePart(part: string): string | undefined {
  const match = DEADLINE_PREFIX.exec(part);
  return match ? part.slice(match[0].length) : undefined;
}

/**
 * Reads "/poll_dates <title> | <candidate> | <candidate> [| …] [| son: <date time>]": each
 * candidate and the deadline as /meeting_new reads a date and time, in the network's zone. The
 * first problem found is reported, in the order the parts are written, naming the candidate.
 */
export function readPollDraft(text: string, zone: string, now: DateTime): { ok: true; value: PollDraft } | { ok: false; problem: PollDraftProblem } {
  // A "|" too many at the end is no candidate (a blank one between others is: a date forgotten).
  const parts = text.split("|");
  while (parts.length > 1 && parts.at(-1)!.trim() === "") parts.pop();
  if (parts.length < 2) return { ok: false, problem: { kind: "usage" } };
  const [rawTitle, ...rest] = parts;
  const titleProblem = checkName(rawTitle!, POLL_TITLE_MAX);
  if (titleProblem) return { ok: false, problem: { kind: "title", problem: titleProblem } };
  const deadlineText = readDeadlinePart(rest.at(-1)!);
  const candidateTexts = deadlineText === undefined ? rest : rest.slice(0, -1);
  if (candidateTexts.some((part) => readDeadlinePart(part) !== undefined)) return { ok: false, problem: { kind: "deadline-not-last" } };
  if (candidateTexts.length < POLL_CANDIDATES.min) return { ok: false, problem: { kind: "too-few", count: candidateTexts.length } };
  if (candidateTexts.length > POLL_CANDIDATES.max) return { ok: false, problem: { kind: "too-many", count: candidateTexts.length } };
  const candidates: DateTime[] = [];
  for (const [i, part] of candidateTexts.entries()) {
    const parsed = parseDateTime(part, zone, now);
    if (!parsed.ok) return { ok: false, problem: { kind: "candidate", position: i + 1, problem: parsed.problem } };
    const same = candidates.findIndex((earlier) => earlier.toMillis() === parsed.value.toMillis());
    if (same >= 0) return { ok: false, problem: { kind: "same-candidates", first: same + 1, second: i + 1 } };
    candidates.push(parsed.value);
  }
  let deadline: DateTime | undefined;
  if (deadlineText !== undefined) {
    const parsed = readDeadline(deadlineText, zone, now);
    if (!parsed.ok) return { ok: false, problem: { kind: "deadline", problem: parsed.problem } };
    const earliest = Math.min(...candidates.map((c) => c.toMillis()));
    // Strictly before: at the earliest candidate's own time it could no longer be chosen.
    if (parsed.value.toMillis() >= earliest) return { ok: false, problem: { kind: "deadline-after-candidate" } };
    deadline = parsed.value;
  }
  // Numbered in date order, whatever order they were written in: the card reads as a calendar.
  candidates.sort((a, b) => a.toMillis() - b.toMillis());
  return { ok: true, value: { title: normaliseName(rawTitle!), candidates, deadline } };
}

/** A deadline: a date and time, or a date alone, which means the end of that day (23:59). */
function readDeadline(text: string, zone: string, now: DateTime): ReturnType<typeof parseDateTime> {
  const instant = parseDateTime(text, zone, now);
  if (instant.ok || instant.problem !== "format") return instant;
  const day = parseDate(text, zone, now);
  if (!day.ok) return instant;
  const end = day.value.set({ hour: 23, minute: 59 });
  return end <= now ? { ok: false, problem: "past" } : { ok: true, value: end };
}

export interface CandidateInput {
  position: number;
  startsAt: Date;
}

export interface VoteInput {
  position: number;
  memberId: number;
  /** Null for a member without an organisation: they count as a person only. */
  organisationId: number | null;
  answer: PollAnswer;
}

/** What the card shows of one candidate: counts, never who. */
export interface CandidateTally {
  position: number;
  startsAt: Date;
  /** People who can come. */
  yes: number;
  maybe: number;
  no: number;
  /** Organisations with at least one member who can come. */
  organisations: number;
}

/** Per candidate, in position order: people per answer and the organisations that can come. */
export function tallyVotes(candidates: readonly CandidateInput[], votes: readonly VoteInput[]): CandidateTally[] {
  return [...candidates]
    .sort((a, b) => a.position - b.position)
    .map((candidate) => {
      const mine = votes.filter((v) => v.position === candidate.position);
      const yes = mine.filter((v) => v.answer === "yes");
      const organisations = new Set(yes.flatMap((v) => (v.organisationId === null ? [] : [v.organisationId])));
      return {
        position: candidate.position,
        startsAt: candidate.startsAt,
        yes: yes.length,
        maybe: mine.filter((v) => v.answer === "maybe").length,
        no: mine.filter((v) => v.answer === "no").length,
        organisations: organisations.size,
      };
    });
}

/**
 * The candidate the card suggests: the one most organisations can come to, then the one most
 * people can come to, then the earliest. None while nobody has said yes to anything: the
 * earliest date is not a suggestion.
 */
export function suggestCandidate(tallies: readonly CandidateTally[]): number | undefined {
  const possible = tallies.filter((t) => t.yes > 0);
  possible.sort((a, b) => b.organisations - a.organisations || b.yes - a.yes || a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position);
  return possible[0]?.position;
}

/** A day before the deadline members who have not voted are nudged. */
export const POLL_NUDGE_MINUTES = 24 * 60;

/**
 * When members who have not voted are nudged: a day before the deadline, moved out of the
 * network's quiet hours as meeting reminders are (the meeting planner's own rule: a reminder a
 * day before an event starting at the deadline). None without a deadline, and none when the
 * deadline is less than a day away at creation: the card has only just gone out.
 */
export function pollNudgeAt(deadline: Date | undefined, zone: string, quiet: { quietFrom: number; quietUntil: number }, now: Date): Date | undefined {
  if (!deadline || deadline.getTime() - now.getTime() < POLL_NUDGE_MINUTES * 60_000) return undefined;
  const planned = planReminders({
    meeting: { startsAt: deadline, rsvpDeadline: null },
    invited: true,
    hostContacts: [],
    zone,
    policy: { beforeMinutes: [POLL_NUDGE_MINUTES], ...quiet },
    members: [{ memberId: 0, organiser: false }],
    chats: [],
    now,
  });
  return planned.find((p) => p.kind === "before" && p.offsetMinutes === POLL_NUDGE_MINUTES)?.fireAt;
}
