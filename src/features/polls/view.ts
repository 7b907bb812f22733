import { createHash } from "node:crypto";
import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import type { Reader } from "../../bot/i18n.ts";
import type { BotContext } from "../../bot/context.ts";
import { formatInstant, formatMeetingTime } from "../../domain/datetime.ts";
import type { CandidateTally, PollAnswer, PollDraftProblem } from "../../domain/date-poll.ts";
import { POLL_CANDIDATES } from "../../domain/date-poll.ts";
import type { Network } from "../../db/client.ts";
import { dateProblemText } from "../meetings/view.ts";
import { voteData } from "./callbacks.ts";
import type { DatePoll, NamedVote, OpenPoll, PollView, VoteOutcome } from "./service.ts";

export interface RenderedPollCard {
  text: string;
  keyboard: InlineKeyboardMarkup | undefined;
  /** Changes whenever what the reader sees changes. */
  digest: string;
}

const ANSWERS: readonly PollAnswer[] = ["yes", "maybe", "no"];
const BUTTON_MARK: Record<PollAnswer, string> = { yes: "✅", maybe: "🤷", no: "❌" };

/** Where a poll stands for its readers now: votes are taken only while it is open and before its deadline. */
export function pollState(poll: Pick<DatePoll, "status" | "deadline">, now: Date): "open" | "ended" | "closed" | "cancelled" {
  if (poll.status !== "open") return poll.status;
  return poll.deadline !== null && poll.deadline <= now ? "ended" : "open";
}

const when = (reader: Reader, instant: Date, network: Network) => formatInstant(instant, network.timeZone, reader.locale);

export function headingLine(reader: Reader, poll: Pick<DatePoll, "number" | "title">): string {
  return reader.t("poll-card-heading", { number: poll.number, title: escapeHtml(poll.title) });
}

/** One candidate on the card: its date and time, then who can come, as counts. */
function candidateLines(reader: Reader, tally: CandidateTally, network: Network, mark: string): string[] {
  return [
    `${reader.t("poll-card-candidate", { position: tally.position, when: when(reader, tally.startsAt, network) })}${mark}`,
    reader.t("poll-card-counts", { yes: tally.yes, organisations: tally.organisations, maybe: tally.maybe }),
  ];
}

/**
 * The poll card in a linked chat: the candidates with how many people and organisations can
 * come (counts, never names), the suggested one marked, the deadline, and a row of buttons per
 * candidate while votes are taken. A closed poll shows the meeting it became; a cancelled one
 * says so; neither has buttons.
 */
export function renderPollCard(reader: Reader, view: PollView, now: Date): RenderedPollCard {
  const { poll, network } = view;
  const state = pollState(poll, now);
  const lines: string[] = [];
  if (state === "cancelled") lines.push(reader.t("poll-card-cancelled"));
  lines.push(headingLine(reader, poll));
  if (state === "open") lines.push(reader.t("poll-card-how"));
  lines.push("");
  // The chosen candidate of a closed poll, the suggested one while votes count; none once cancelled.
  const marked = state === "closed" ? (poll.chosenPosition ?? undefined) : state === "cancelled" ? undefined : view.suggested;
  for (const tally of view.tallies) lines.push(...candidateLines(reader, tally, network, tally.position === marked ? (state === "closed" ? " ✔️" : " ⭐") : ""));
  lines.push("");
  if (state === "open" || state === "ended") {
    lines.push(view.suggested === undefined ? reader.t("poll-card-no-suggestion") : reader.t("poll-card-suggested", { position: view.suggested }));
    if (poll.deadline) lines.push(reader.t("poll-card-deadline", { when: when(reader, poll.deadline, network) }));
  }
  lines.push(reader.t("poll-card-voters", { count: view.voters }));
  if (state === "ended") lines.push("", reader.t("poll-card-ended"));
  if (state === "closed") lines.push("", ...closedLines(reader, view));
  const text = lines.join("\n");
  const keyboard: InlineKeyboardMarkup | undefined =
    state === "open"
      ? {
          inline_keyboard: view.tallies.map((t) =>
            ANSWERS.map((answer) => ({ text: `${t.position} ${BUTTON_MARK[answer]}`, callback_data: voteData.build({ pollId: poll.id, position: t.position, answer }) })),
          ),
        }
      : undefined;
  const digest = createHash("sha256").update(text).update(JSON.stringify(keyboard ?? null)).digest("base64url").slice(0, 22);
  return { text, keyboard, digest };
}

/** The result of a closed poll: the chosen candidate and the meeting made from it. */
function closedLines(reader: Reader, view: PollView): string[] {
  const chosen = view.tallies.find((t) => t.position === view.poll.chosenPosition);
  const lines = [reader.t("poll-card-closed", { position: view.poll.chosenPosition ?? 0, when: chosen ? when(reader, chosen.startsAt, view.network) : "" })];
  if (view.meeting) lines.push(reader.t("poll-card-result", { number: view.meeting.number, when: formatMeetingTime(view.meeting.startsAt, view.meeting.endsAt, view.network.timeZone, reader.locale) }));
  return lines;
}

/** The toast after a press. */
export function voteOutcomeText(reader: Reader, outcome: VoteOutcome): string {
  switch (outcome.kind) {
    case "recorded":
      return reader.t(`poll-vote-${outcome.answer}`, { position: outcome.position });
    case "unknown":
      return reader.t("callback-stale");
    default:
      return reader.t(`poll-vote-${outcome.kind}`);
  }
}

/** Why /poll_dates was refused, naming the candidate when one is at fault. */
export function draftProblemText(ctx: BotContext, problem: PollDraftProblem): string {
  switch (problem.kind) {
    case "usage":
      return ctx.t("poll-dates-usage");
    case "title":
      return problem.problem.kind === "empty" ? ctx.t("poll-title-empty") : ctx.t("poll-title-too-long", { max: problem.problem.max, length: problem.problem.length });
    case "too-few":
      return ctx.t("poll-too-few", { min: POLL_CANDIDATES.min, count: problem.count });
    case "too-many":
      return ctx.t("poll-too-many", { max: POLL_CANDIDATES.max, count: problem.count });
    case "candidate":
      return ctx.t("poll-candidate-problem", { position: problem.position, problem: dateProblemText(ctx, problem.problem) });
    case "same-candidates":
      return ctx.t("poll-same-candidates", { first: problem.first, second: problem.second });
    case "deadline":
      return ctx.t("poll-deadline-problem", { problem: dateProblemText(ctx, problem.problem) });
    case "deadline-not-last":
      return ctx.t("poll-deadline-not-last");
    case "deadline-after-candidate":
      return ctx.t("poll-deadline-after-candidate");
  }
}

/** /poll without a number: the open polls of the network. */
export function openPollLines(reader: Reader, polls: readonly OpenPoll[], network: Network): string[] {
  if (polls.length === 0) return [reader.t("poll-none-open")];
  const lines = [reader.t("poll-open-heading")];
  for (const { poll, candidates, voters, ended } of polls) {
    lines.push("", reader.t("poll-open-line", { number: poll.number, title: escapeHtml(poll.title), candidates, voters }));
    if (ended) lines.push(reader.t("poll-summary-status", { status: reader.t("poll-status-ended") }));
    else if (poll.deadline) lines.push(reader.t("poll-card-deadline", { when: when(reader, poll.deadline, network) }));
  }
  return lines;
}

/**
 * /poll <n>: per candidate the counts (people, organisations, maybe, no). `names`: the votes
 * with who cast them, for an organiser asking privately, listed under each candidate.
 */
export function pollSummaryLines(reader: Reader, view: PollView, now: Date, names?: readonly NamedVote[]): string[] {
  const { poll, network } = view;
  const state = pollState(poll, now);
  const lines = [headingLine(reader, poll), reader.t("poll-summary-status", { status: reader.t(`poll-status-${state}`) })];
  if (view.votesRetired) return [...lines, "", ...retiredLines(reader, view)];
  for (const t of view.tallies) {
    lines.push("", reader.t("poll-summary-counts", { position: t.position, when: when(reader, t.startsAt, network), yes: t.yes, organisations: t.organisations, maybe: t.maybe, no: t.no }));
    if (!names) continue;
    for (const answer of ANSWERS) {
      const who = names.filter((v) => v.position === t.position && v.answer === answer);
      if (who.length === 0) continue;
      const listed = who.map((v) => escapeHtml(v.organisation ? `${v.name} (${v.organisation})` : v.name)).join(", ");
      lines.push(reader.t(`poll-names-${answer}`, { names: listed }));
    }
  }
  lines.push("");
  if (state === "open" || state === "ended") lines.push(view.suggested === undefined ? reader.t("poll-card-no-suggestion") : reader.t("poll-card-suggested", { position: view.suggested }));
  if (poll.deadline && (state === "open" || state === "ended")) lines.push(reader.t("poll-card-deadline", { when: when(reader, poll.deadline, network) }));
  lines.push(reader.t("poll-card-voters", { count: view.voters }));
  if (state === "closed") lines.push(...closedLines(reader, view));
  return lines;
}

const ANSWER_MARK: Record<PollAnswer, string> = { yes: "✅", maybe: "🤷", no: "❌" };

/** "Your answers: 1) ✅ · 2) 🤷 · 3) —": a member's own votes, privately. */
export function ownVotesLine(reader: Reader, view: PollView, own: ReadonlyMap<number, PollAnswer>): string {
  if (own.size === 0) return reader.t("poll-own-none");
  const answers = view.tallies.map((t) => `${t.position}) ${own.has(t.position) ? ANSWER_MARK[own.get(t.position)!] : "—"}`).join(" · ");
  return reader.t("poll-own", { answers });
}

/** A poll whose votes were deleted at the end of the retention period: its dates and result, no counts. */
function retiredLines(reader: Reader, view: PollView): string[] {
  const lines = view.tallies.map((t) => reader.t("poll-card-candidate", { position: t.position, when: when(reader, t.startsAt, view.network) }));
  lines.push("", reader.t("poll-summary-votes-retired", { months: view.network.retentionMonths }));
  if (view.poll.status === "closed") lines.push(...closedLines(reader, view));
  return lines;
}
