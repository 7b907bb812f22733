import { DateTime } from "luxon";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { answerPrivately } from "../../bot/private-reply.ts";
import { repliedMessage, repliedPerson } from "../../bot/replied.ts";
import { MAX_ENTRY_LENGTH, parseMinutesEntry } from "../../domain/minutes-entry.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import type { Meeting, Network } from "../../db/client.ts";
import type { DialogueService } from "../dialogue/service.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { MeetingService, MeetingWithHost } from "../meetings/service.ts";
import type { NameWithholder } from "../members/name-withholder.ts";
import type { NetworkService, Scope } from "../networks/service.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import type { OrganisationService } from "../organisations/service.ts";
import type { MinutesPublisher } from "./publisher.ts";
import type { DecisionService } from "../decisions/service.ts";
import type { ObjectionService } from "../objections/service.ts";
import { APPROVE_DATA, approveConfirmText, approveData, objectionCardLines } from "../objections/view.ts";
import type { ApproveConfirmation } from "./service.ts";
import type { ApproveResult, EntryInput, MinutesService } from "./service.ts";
import { closedText, entryChangeText, incompleteActionText, keepAsNoteKeyboard, minutesCardLines } from "./view.ts";

const KIND = "minutes";
/** Kept per person per chat: the meeting DMs write to, and an unconfirmed action waiting to be kept as a note. */
type Writing = { networkId: number; meetingId: number; pending?: string };

export interface MinutesFeatureDeps {
  minutes: MinutesService;
  meetings: MeetingService;
  /** In private, the network of the meeting being written, not the private choice, decides. */
  networks: NetworkService;
  organisations: OrganisationService;
  dialogues: DialogueService;
  /** Entries reach a group, or a minute-taker who is not an organiser, with members' names withheld. */
  withholder: NameWithholder;
  publisher: MinutesPublisher;
  /** Decision numbers and what replaced what, on the card. */
  decisions: DecisionService;
  /** Objections, on the card of organisers and the minute-taker in private, and before approval. */
  objections: ObjectionService;
}

/**
 * /minutes opens a meeting's minutes; replies to its card (or, in private, any message after it)
 * become entries. Edit, delete, publish, approve, and designate a minute-taker.
 */
/** The answer to an approval (not the confirmation question). */
function approveText(ctx: BotContext, result: Exclude<ApproveResult, { kind: "confirm" }>, number: number): string {
  if (result.kind === "approved" && result.objections > 0) {
    return `${ctx.t("minutes-approve-approved", { number })}\n${ctx.t("minutes-approve-objections", { count: result.objections, unresolved: result.unresolved })}`;
  }
  return ctx.t(`minutes-approve-${result.kind}`, { number, ...("version" in result ? { version: result.version } : {}) });
}

export function minutesFeature(deps: MinutesFeatureDeps): Feature {
  const composer = new FeatureComposer();
  const { minutes, meetings, dialogues } = deps;

  /** "<N> …": the meeting and the rest of the argument, or undefined after saying what is wrong. */
  const meetingAndRest = async (ctx: BotContext & { match: string }, scope: Scope, usage: string, rest: RegExp = /^$/) => {
    const match = /^(\d{1,6})(?:\s+([\s\S]*))?$/.exec(ctx.match.trim());
    const tail = match?.[2]?.trim() ?? "";
    if (!match || !rest.test(tail)) return void (await ctx.reply(ctx.t(usage)));
    const meeting = await meetings.find(scope.network.id, Number(match[1]));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number: match[1]! })));
    return { meeting, rest: tail };
  };

  const canWrite = async (scope: Scope, meetingId: number, userId: number) =>
    scope.membership?.role === "organiser" || (scope.membership !== undefined && (await minutes.isTaker(meetingId, BigInt(userId))));

  /** "<N> …" from someone who may write meeting N's minutes, or undefined after saying what is wrong. */
  const writerMeeting = async (ctx: BotContext & { match: string }, usage: string, rest?: RegExp) => {
    const scope = await requireNetwork(ctx);
    if (!scope) return undefined;
    const found = await meetingAndRest(ctx, scope, usage, rest);
    if (!found) return undefined;
    if (!(await canWrite(scope, found.meeting.id, ctx.from!.id))) return void (await ctx.reply(ctx.t("minutes-writers-only")));
    return { scope, ...found };
  };

  const readEntry = async (network: Network, text: string) => {
    const organisations = (await deps.organisations.list(network.id)).map((o) => o.shortName);
    return parseMinutesEntry(text, { organisations, zone: network.timeZone, now: DateTime.fromJSDate(meetings.now(), { zone: network.timeZone }) });
  };

  const toInput = (entry: Awaited<ReturnType<typeof readEntry>>): EntryInput | undefined => {
    if (entry.kind === "note" || entry.kind === "decision") return { kind: entry.kind, text: entry.text };
    if (entry.kind === "action") return { kind: "action", text: entry.text, owner: entry.owner, dueDate: entry.due.toISODate()! };
    return undefined;
  };

  const showCard = async (ctx: BotContext, meeting: MeetingWithHost, network: Network) => {
    const { minutes: row, published } = await minutes.state(meeting);
    const show = (await deps.withholder.forNetwork(meeting.networkId)).in(ctx.chat, BigInt(ctx.from!.id));
    const copies = published > 0 ? await minutes.copies(meeting.id, published) : undefined;
    const state = { published, changed: row?.changed ?? false, approved: row?.approvedAt != null, copies };
    // Objections name who objected: for the organisers and the minute-taker (the card's only readers), in private only.
    const tail = ctx.chat?.type === "private" && published > 0 ? objectionCardLines(ctx, await deps.objections.list(meeting.id), await deps.objections.window(meeting, network), network.timeZone) : [];
    const decisions = published > 0 ? await deps.decisions.register(network.id, { upTo: meeting.number }) : [];
    const lines = minutesCardLines(ctx, meeting, await minutes.entries(meeting.id), state, ctx.chat?.type === "private", show, { decisions, tail });
    const messages = splitIntoMessages(lines);
    for (const [i, text] of messages.entries()) {
      const last = i === messages.length - 1;
      const sent = await ctx.reply(text, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        // In groups the bot sees replies to itself only: the last part asks for one, of the person
        // who asked (a selective force-reply reaches the author of the message it quotes; every
        // answer in a group quotes the message it answers, see create-bot.ts).
        ...(last && ctx.chat?.type !== "private" && !row?.approvedAt ? { reply_markup: { force_reply: true, selective: true, input_field_placeholder: ctx.t("minutes-placeholder") } } : {}),
      });
      await minutes.recordCard(meeting.id, sent.chat.id, sent.message_id);
    }
  };

  /**
   * The writer's place in the network of the meeting named by a button, a card or a DM dialogue.
   * In a group, the group's network; in private, the meeting's own: the private choice of network
   * may have lapsed (half an hour) or now name another network, and neither must cost the text.
   */
  const scopeForMeeting = async (ctx: BotContext, meeting: { networkId: number } | null | undefined): Promise<Scope | undefined> => {
    if (!meeting) return undefined;
    if (ctx.chat?.type === "private") return deps.networks.memberScope(meeting.networkId, BigInt(ctx.from!.id));
    const scope = await ctx.scope();
    return scope?.network.id === meeting.networkId ? scope : undefined;
  };

  /** One entry from a reply or a DM. */
  const takeEntry = async (ctx: BotContext, scope: Scope, meeting: Meeting, text: string) => {
    const meetingId = meeting.id;
    if (text.length > MAX_ENTRY_LENGTH) return void (await ctx.reply(ctx.t("minutes-entry-too-long", { max: MAX_ENTRY_LENGTH, length: text.length })));
    const entry = await readEntry(scope.network, text);
    if (entry.kind === "empty") return void (await ctx.reply(ctx.t("minutes-entry-empty")));
    const reply = { reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true } };
    if (entry.kind === "incomplete-action") {
      const closed = await minutes.closed(meeting);
      if (closed) return void (await ctx.reply(closedText(ctx, closed, meeting.number)));
      await dialogues.save<Writing>(ctx.chat!.id, ctx.from!.id, { kind: KIND, step: "pending", data: { networkId: scope.network.id, meetingId, pending: text.trim() } });
      return void (await ctx.reply(incompleteActionText(ctx, entry), { ...reply, reply_markup: keepAsNoteKeyboard(ctx, meetingId) }));
    }
    const change = await minutes.add(meeting, BigInt(ctx.from!.id), toInput(entry)!);
    await ctx.reply(entryChangeText(ctx, change, "added", meeting.number), reply);
  };

  composer.command("minutes", async (ctx) => {
    const found = await writerMeeting(ctx, "minutes-usage");
    if (!found) return;
    const { scope, meeting } = found;
    // Approved minutes can still be looked at; before the meeting or after a cancellation there are none.
    const closed = await minutes.closed(meeting);
    if (closed && closed !== "approved") return void (await ctx.reply(closedText(ctx, closed, meeting.number)));
    if (ctx.chat.type === "private" && !closed) await dialogues.save<Writing>(ctx.chat.id, ctx.from!.id, { kind: KIND, step: "writing", data: { networkId: scope.network.id, meetingId: meeting.id } });
    await showCard(ctx, meeting, scope.network);
  });

  composer.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    // In a topic every message seems to reply to the topic's creation: only a real reply to a card is an entry.
    const repliedTo = repliedMessage(ctx);
    let meetingId = repliedTo?.from?.id === ctx.me.id ? await minutes.meetingOfCard(ctx.chat.id, repliedTo.message_id) : undefined;
    let writing = false;
    if (meetingId === undefined && ctx.chat.type === "private" && !repliedTo) {
      const dialogue = await ctx.waitingDialogue<Writing>();
      if (dialogue?.kind === KIND) meetingId = dialogue.data.meetingId;
      writing = meetingId !== undefined;
    }
    if (meetingId === undefined) return next();
    // In a group the bot says why it is not linked (any more); in private the meeting decides.
    if (ctx.chat.type !== "private" && !(await requireNetwork(ctx))) return;
    const meeting = await meetings.findById(meetingId);
    const scope = await scopeForMeeting(ctx, meeting);
    if (!meeting || (!scope && ctx.chat.type !== "private")) return void (await ctx.reply(ctx.t("minutes-meeting-gone")));
    if (!scope || !(await canWrite(scope, meeting.id, ctx.from.id))) {
      // No longer a writer (left, or another minute-taker was named): later DMs are not entries either.
      if (writing) await dialogues.clear(ctx.chat.id, ctx.from.id);
      return void (await ctx.reply(ctx.t("minutes-writers-only")));
    }
    await takeEntry(ctx, scope, meeting, ctx.msg.text);
  });

  composer.callbackQuery(/^mkeep:(\d{1,9})$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    // In a group the button answers one person's text (it replies to it): only they may keep it.
    if (ctx.chat?.type !== "private" && ctx.callbackQuery.message?.reply_to_message?.from?.id !== ctx.from.id) return void (await ctx.answerCallbackQuery({ text: ctx.t("buttons-not-yours"), show_alert: true }));
    const writing = await ctx.waitingDialogue<Writing>();
    const pending = writing?.kind === KIND && writing.data.meetingId === meetingId ? writing.data.pending : undefined;
    const meeting = pending ? await meetings.findById(meetingId) : undefined;
    // The button's meeting names the network (in private, whatever network is chosen meanwhile).
    const scope = await scopeForMeeting(ctx, meeting);
    if (!pending || !meeting) return void (await ctx.answerCallbackQuery({ text: ctx.t("minutes-nothing-to-keep"), show_alert: true }));
    if (!scope || !(await canWrite(scope, meetingId, ctx.from.id))) return void (await ctx.answerCallbackQuery({ text: ctx.t("minutes-writers-only"), show_alert: true }));
    const change = await minutes.add(meeting, BigInt(ctx.from.id), { kind: "note", text: pending });
    // Back to writing (in private) without the pending text, so a second press adds nothing.
    if (ctx.chat!.type === "private") await dialogues.save<Writing>(ctx.chat!.id, ctx.from.id, { kind: KIND, step: "writing", data: { networkId: scope.network.id, meetingId } });
    else await dialogues.clear(ctx.chat!.id, ctx.from.id);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(entryChangeText(ctx, change, "added", meeting.number));
  });

  composer.command("minutes_taker", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const found = await meetingAndRest(ctx, scope, "minutes-taker-usage");
    if (!found) return;
    const taker = repliedPerson(ctx);
    if (!taker) return void (await ctx.reply(ctx.t("minutes-taker-usage")));
    if (found.meeting.status === "cancelled") return void (await ctx.reply(closedText(ctx, "cancelled", found.meeting.number)));
    await minutes.designateTaker(found.meeting, BigInt(ctx.from!.id), BigInt(taker.id));
    await answerPrivately(ctx, ctx.t("minutes-taker-set", { name: escapeHtml(taker.first_name), number: found.meeting.number }), { change: true });
  });

  composer.command("minutes_edit", async (ctx) => {
    const found = await writerMeeting(ctx, "minutes-edit-usage", /^\d{1,4}\s+\S/);
    if (!found) return;
    const { scope, meeting } = found;
    const [, number, text] = /^(\d{1,4})\s+([\s\S]+)$/.exec(found.rest)!;
    if (text!.length > MAX_ENTRY_LENGTH) return void (await ctx.reply(ctx.t("minutes-entry-too-long", { max: MAX_ENTRY_LENGTH, length: text!.length })));
    const entry = await readEntry(scope.network, text!);
    if (entry.kind === "incomplete-action") return void (await ctx.reply(incompleteActionText(ctx, entry)));
    const input = toInput(entry);
    if (!input) return void (await ctx.reply(ctx.t("minutes-edit-usage")));
    await ctx.reply(entryChangeText(ctx, await minutes.edit(meeting, BigInt(ctx.from!.id), Number(number), input), "edited", meeting.number));
  });

  composer.command("minutes_delete", async (ctx) => {
    const found = await writerMeeting(ctx, "minutes-delete-usage", /^\d{1,4}$/);
    if (!found) return;
    const { meeting } = found;
    await ctx.reply(entryChangeText(ctx, await minutes.remove(meeting, BigInt(ctx.from!.id), Number(found.rest)), "deleted", meeting.number));
  });

  composer.command("minutes_publish", async (ctx) => {
    const found = await writerMeeting(ctx, "minutes-publish-usage");
    if (!found) return;
    const { scope, meeting } = found;
    const check = await minutes.checkPublish(meeting);
    switch (check.kind) {
      case "closed":
        return void (await ctx.reply(closedText(ctx, check.reason, meeting.number)));
      case "empty":
        return void (await ctx.reply(ctx.t("minutes-publish-empty", { number: meeting.number })));
      case "unchanged":
        return void (await ctx.reply(ctx.t("minutes-publish-unchanged", { number: meeting.number, version: check.version })));
    }
    const outcome = await deps.publisher.publish(meeting, scope.network, BigInt(ctx.from!.id), check.version);
    if (outcome.kind === "taken") return void (await ctx.reply(ctx.t("minutes-publish-unchanged", { number: meeting.number, version: check.version })));
    // The copies are on their way (outbox); the card says how far they got.
    await ctx.reply(ctx.t("minutes-published-queued", { number: meeting.number, version: check.version, chats: outcome.chats, organisers: outcome.organisers }));
  });

  composer.command("minutes_approve", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const found = await meetingAndRest(ctx, scope, "minutes-approve-usage");
    if (!found) return;
    const { meeting } = found;
    const result = await minutes.approve(meeting, BigInt(ctx.from!.id));
    if (result.kind !== "confirm") return void (await ctx.reply(approveText(ctx, result, meeting.number)));
    // The objections are for organisers: the question and its button go to the asker privately.
    const open = (await deps.objections.list(meeting.id)).filter((o) => result.unresolved.includes(o.number));
    const keyboard = { inline_keyboard: [[{ text: ctx.t("approve-confirm-button"), callback_data: approveData(meeting.id, result.version, result.nextObjection) }]] };
    await answerPrivately(ctx, (chatId) => ctx.api.sendMessage(chatId, approveConfirmText(ctx, meeting.number, open), { parse_mode: "HTML", reply_markup: keyboard }));
  });

  composer.callbackQuery(APPROVE_DATA, async (ctx) => {
    const meeting = await meetings.findById(Number(ctx.match[1]));
    const scope = meeting ? await deps.networks.memberScope(meeting.networkId, BigInt(ctx.from.id)) : undefined;
    if (!meeting) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    if (scope?.membership?.role !== "organiser") return void (await ctx.answerCallbackQuery({ text: ctx.t("organisers-only"), show_alert: true }));
    const confirmed: ApproveConfirmation = { version: Number(ctx.match[2]), nextObjection: Number(ctx.match[3]) };
    const result = await minutes.approve(meeting, BigInt(ctx.from.id), confirmed);
    // A confirmed approval is never asked again; were it, the button would be out of date.
    const text = approveText(ctx, result.kind === "confirm" ? { kind: "stale" } : result, meeting.number);
    if (result.kind === "stale" || result.kind === "confirm") return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text);
  });

  return {
    composer,
    commands: [
      { command: "minutes", description: "cmd-minutes", chats: ["private", "group"], organiserOnly: false },
      { command: "minutes_taker", description: "cmd-minutes-taker", chats: ["group"], organiserOnly: true },
      { command: "minutes_edit", description: "cmd-minutes-edit", chats: ["private", "group"], organiserOnly: false },
      { command: "minutes_delete", description: "cmd-minutes-delete", chats: ["private", "group"], organiserOnly: false },
      { command: "minutes_publish", description: "cmd-minutes-publish", chats: ["private", "group"], organiserOnly: false },
      { command: "minutes_approve", description: "cmd-minutes-approve", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
