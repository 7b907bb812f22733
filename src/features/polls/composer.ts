import type { BotContext } from "../../bot/context.ts";
import { replyHtml, replyHtmlLines, toastText } from "../../bot/reply.ts";
import { formatInstant } from "../../domain/datetime.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { HostService } from "../hosting/service.ts";
import { agendaProblemText, createdText } from "../meetings/view.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import { textProblemText } from "../networks/view.ts";
import { voteData } from "./callbacks.ts";
import type { ClosePollResult, DatePollService, VoteRequest } from "./service.ts";
import { draftProblemText, openPollLines, pollSummaryLines, voteOutcomeText, ownVotesLine } from "./view.ts";

const NUMBER = /^\d{1,6}$/;
const CLOSE = /^(\d{1,6})\s+(\d{1,3})\s*(?:\|([\s\S]*))?$/;

export interface PollsDeps {
  polls: DatePollService;
  /** The meeting /poll_close makes gets its hosting proposal, as after /meeting_new. */
  hosting: Pick<HostService, "propose">;
}

/** /poll_dates, /poll, /poll_close, /poll_cancel and the vote buttons. */
export function pollsFeature(deps: PollsDeps): Feature {
  const composer = new FeatureComposer();
  const { polls } = deps;

  composer.command("poll_dates", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const { network } = scope;
    const result = await polls.create(network, BigInt(ctx.from!.id), ctx.match);
    if (result.kind === "bad-draft") return void (await ctx.reply(draftProblemText(ctx, result.problem)));
    if (result.kind === "no-chats") return void (await ctx.reply(ctx.t("poll-no-chats")));
    const { poll, nudgeAt } = result;
    const lines = [ctx.t("poll-created", { number: poll.number, count: result.candidates.length, chats: result.chats })];
    if (poll.deadline) {
      lines.push(ctx.t("poll-created-deadline", { when: formatInstant(poll.deadline, network.timeZone, ctx.locale) }));
      lines.push(nudgeAt ? ctx.t("poll-created-nudge", { when: formatInstant(nudgeAt, network.timeZone, ctx.locale) }) : ctx.t("poll-created-no-nudge"));
    } else lines.push(ctx.t("poll-created-no-deadline", { number: poll.number }));
    await ctx.reply(lines.join("\n"));
  });

  /** Records the vote; a stranger voting on a group's card becomes a member first, as writing there would make them. */
  const vote = async (ctx: BotContext, request: VoteRequest) => {
    let outcome = await polls.vote(request);
    if (outcome.kind === "not-member" && ctx.chat?.type !== "private" && (await ctx.takePart())?.membership) outcome = await polls.vote(request);
    return outcome;
  };

  composer.callbackQuery(voteData.pattern, async (ctx) => {
    const button = voteData.read(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    // The button must sit on a card of the poll it names: a forged or copied one cannot vote.
    if (!button || !message || (await polls.pollOfMessage(message.chat.id, message.message_id)) !== button.pollId) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    }
    const outcome = await vote(ctx, { pollId: button.pollId, position: button.position, userId: BigInt(ctx.from.id), answer: button.answer });
    await ctx.answerCallbackQuery({ text: toastText(voteOutcomeText(ctx, outcome)), show_alert: outcome.kind !== "recorded" });
  });

  // Counts for everyone; names only for an organiser asking privately.
  composer.command("poll", async (ctx) => {
    const arg = ctx.match.trim();
    if (arg !== "" && !NUMBER.test(arg)) return void (await ctx.reply(ctx.t("poll-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const { network } = scope;
    if (arg === "") return void (await replyHtmlLines(ctx, openPollLines(ctx, await polls.openPolls(network.id), network)));
    const poll = await polls.find(network.id, Number(arg));
    const view = poll && (await polls.view(poll.id));
    if (!view) return void (await ctx.reply(ctx.t("poll-unknown", { number: arg })));
    const inPrivate = ctx.chat.type === "private";
    const names = inPrivate && scope.membership?.role === "organiser" ? await polls.namedVotes(view.poll.id) : undefined;
    const lines = pollSummaryLines(ctx, view, polls.now(), names);
    // Privately, a member also sees their own answers (in a group nobody's).
    if (inPrivate && scope.membership) lines.push("", ownVotesLine(ctx, view, await polls.votesOf(view.poll.id, scope.membership.id)));
    await replyHtmlLines(ctx, lines);
  });

  composer.command("poll_close", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, number, position, rest] = CLOSE.exec(ctx.match.trim()) ?? [];
    const extra = rest === undefined ? [] : rest.split("|").map((part) => part.trim());
    if (!number || !position || extra.length > 2) return void (await ctx.reply(ctx.t("poll-close-usage")));
    const [venue, agenda] = extra.map((part) => (part === "" ? undefined : part));
    const { network } = scope;
    const result = await polls.close(network, BigInt(ctx.from!.id), Number(number), Number(position), { venue, agenda });
    if (result.kind !== "closed") return void (await ctx.reply(closeProblemText(ctx, Number(number), result)));
    const { meeting } = result;
    const lines = [ctx.t("poll-closed-done", { number, voters: result.voters }), "", createdText(ctx, meeting, network)];
    // Only what is still missing: a place given with "-" (the host's) or an agenda given is not asked for again.
    const missing = meeting.venueName === null ? (meeting.agenda.length === 0 ? "both" : "venue") : meeting.agenda.length === 0 ? "agenda" : undefined;
    if (missing) lines.push(ctx.t(`poll-closed-add-${missing}`, { number: meeting.number }));
    lines.push(ctx.t("poll-closed-invite", { number: meeting.number }));
    try {
      await replyHtml(ctx, lines.join("\n"));
    } finally {
      // The organisation whose turn it is gets asked, as after /meeting_new: after the answer, so
      // the group reads them in order, and even when the answer could not be sent.
      await deps.hosting.propose(meeting.id);
    }
  });

  composer.command("poll_cancel", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const number = ctx.match.trim();
    if (!NUMBER.test(number)) return void (await ctx.reply(ctx.t("poll-cancel-usage")));
    const result = await polls.cancel(scope.network, BigInt(ctx.from!.id), Number(number));
    switch (result.kind) {
      case "cancelled":
        return void (await ctx.reply(ctx.t("poll-cancel-done", { number })));
      case "unknown-poll":
        return void (await ctx.reply(ctx.t("poll-unknown", { number })));
      case "already-cancelled":
        return void (await ctx.reply(ctx.t("poll-already-cancelled", { number })));
      case "already-closed":
        return void (await ctx.reply(alreadyClosedText(ctx, Number(number), result.meetingNumber)));
    }
  });

  return {
    composer,
    commands: [
      { command: "poll", description: "cmd-poll", chats: ["private", "group"], organiserOnly: false },
      { command: "poll_dates", description: "cmd-poll-dates", chats: ["private", "group"], organiserOnly: true },
      { command: "poll_close", description: "cmd-poll-close", chats: ["private", "group"], organiserOnly: true },
      { command: "poll_cancel", description: "cmd-poll-cancel", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}

function alreadyClosedText(ctx: BotContext, number: number, meetingNumber: number | null): string {
  return meetingNumber === null ? ctx.t("poll-already-closed", { number }) : ctx.t("poll-already-closed-meeting", { number, meeting: meetingNumber });
}

function closeProblemText(ctx: BotContext, number: number, result: Exclude<ClosePollResult, { kind: "closed" }>): string {
  switch (result.kind) {
    case "unknown-poll":
      return ctx.t("poll-unknown", { number });
    case "already-closed":
      return alreadyClosedText(ctx, number, result.meetingNumber);
    case "already-cancelled":
      return ctx.t("poll-already-cancelled", { number });
    case "bad-position":
      return ctx.t("poll-bad-position", { number, count: result.count });
    case "candidate-past":
      return ctx.t("poll-candidate-past", { position: result.position });
    case "bad-venue":
      return textProblemText(ctx, result.problem);
    case "bad-agenda":
      return agendaProblemText(ctx, result.problem);
  }
}
