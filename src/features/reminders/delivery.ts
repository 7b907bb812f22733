import { GrammyError, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { reachableOrganisers, sendToEach } from "../../bot/direct.ts";
import { escapeHtml } from "../../bot/html.ts";
import { localeOr, negotiateLocale, type Locale, type Translator } from "../../bot/i18n.ts";
import type { PrismaClient } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import type { DeliveryOutcome, ReminderPayload } from "../../../jobs/reminders.ts";
import type { Logger } from "../../logger.ts";
import { HOST_CHECKLIST } from "../../domain/reminders.ts";
import { actionItemOf, readActionAudience } from "../actions/service.ts";
import { actionText, doneData } from "../actions/view.ts";
import { tallyLines } from "../invitations/view.ts";
import { venueText, type Reader } from "../meetings/view.ts";
import type { RsvpService } from "../rsvp/service.ts";
import { readAudience, type ReminderService } from "./service.ts";

type Message = {
  chatId: number;
  topicId: number;
  locale: Locale;
  text: (reader: Reader) => string;
  keyboard?: (reader: Reader) => InlineKeyboardMarkup;
};
type Composed = { kind: "send"; message: Message } | { kind: "skip"; reason: string } | { kind: "cancelled" } | { kind: "handled" };

export interface DeliveryDeps {
  prisma: PrismaClient;
  reminders: ReminderService;
  rsvps: RsvpService;
  /** An API without automatic retries: a 429 must pause the queue, not a worker. */
  api: Api;
  translator: Translator;
  logger: Logger;
  /** A host's answer deadline passed: the hosting feature expires the turn and proposes the next. */
  onHostDeadline?: (turnId: number) => Promise<void>;
}

/**
 * Sends one reminder, deciding at the last moment from the database: a moved or withdrawn
 * reminder, a cancelled meeting, a member who changed to "no" or has answered, a person the bot
 * cannot reach — each is recorded and nothing is sent.
 */
export class ReminderDelivery {
  constructor(private readonly deps: DeliveryDeps) {}

  async deliver(payload: ReminderPayload): Promise<DeliveryOutcome> {
    const { reminders } = this.deps;
    if (!(await reminders.claim(payload.reminderId, new Date(payload.fireAt)))) return { kind: "done" };
    try {
      const composed = await this.compose(payload.reminderId);
      if (composed.kind === "handled") {
        await reminders.finish(payload.reminderId, "sent");
        return { kind: "done" };
      }
      if (composed.kind === "cancelled") {
        await reminders.finish(payload.reminderId, "cancelled", "meeting cancelled");
        return { kind: "done" };
      }
      if (composed.kind === "skip") {
        await reminders.finish(payload.reminderId, "skipped", composed.reason);
        return { kind: "done" };
      }
      const { message } = composed;
      const reader = this.deps.translator.reader(message.locale);
      await this.deps.api.sendMessage(message.chatId, message.text(reader), {
        ...(message.keyboard ? { reply_markup: message.keyboard(reader) } : {}),
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(message.topicId ? { message_thread_id: message.topicId } : {}),
      });
      await reminders.finish(payload.reminderId, "sent");
      return { kind: "done" };
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        // The API transformer has marked the person unreachable; retrying would not help.
        await reminders.finish(payload.reminderId, "skipped", "unreachable");
        return { kind: "done" };
      }
      await reminders.release(payload.reminderId);
      if (error instanceof GrammyError && error.error_code === 429) return { kind: "wait", retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 };
      throw error;
    }
  }

  /** After the last attempt failed: the row says so and the organisers hear it once. */
  async giveUp(payload: ReminderPayload, error: unknown): Promise<void> {
    const row = await this.deps.reminders.find(payload.reminderId);
    if (!row || row.status === "sent" || row.status === "failed") return;
    await this.deps.reminders.finish(row.id, "failed", error instanceof Error ? error.message.slice(0, 300) : "error");
    const organisers = await reachableOrganisers(this.deps.prisma, row.meeting.networkId);
    await sendToEach(this.deps, organisers, (r) => r.t("reminder-failed", { number: row.meeting.number }));
  }

  /** An action item's owner, two days before or on the due date, while the item is still open. */
  private async composeActionReminder(kind: string, entryId: number, memberId: number, meetingNumber: number): Promise<Composed> {
    const { prisma } = this.deps;
    const entry = await prisma.minutesEntry.findUnique({ where: { id: entryId }, include: { ownerOrganisation: true } });
    if (!entry || entry.kind !== "action" || entry.deletedAt || entry.publishedAt === null) return { kind: "skip", reason: "no longer an action item" };
    if (entry.doneAt) return { kind: "skip", reason: "already done" };
    const member = await prisma.member.findUnique({ where: { id: memberId }, include: { user: true } });
    if (!member || member.leftAt) return { kind: "skip", reason: "no longer a member" };
    if (!member.user.dmReachable) return { kind: "skip", reason: "unreachable" };
    const item = actionItemOf(entry, meetingNumber);
    return {
      kind: "send",
      message: {
        chatId: Number(member.userId),
        topicId: 0,
        locale: negotiateLocale(member.user.locale, member.user.languageCode ?? undefined),
        text: (r) => r.t(kind === "action-due" ? "action-reminder-due" : "action-reminder-soon", { item: escapeHtml(actionText(r, item, true)), number: meetingNumber }),
        keyboard: (r) => ({ inline_keyboard: [[{ text: r.t("action-done-button"), callback_data: doneData(entry.id) }]] }),
      },
    };
  }

  private async compose(reminderId: number): Promise<Composed> {
    const row = await this.deps.reminders.find(reminderId);
    if (!row) return { kind: "skip", reason: "gone" };
    const { meeting } = row;
    const { network } = meeting;
    if (meeting.status === "cancelled") return { kind: "cancelled" };
    const turn = /^turn:(\d+)$/.exec(row.audience);
    if (row.kind === "host-expiry" && turn) {
      await this.deps.onHostDeadline?.(Number(turn[1]));
      return { kind: "handled" };
    }
    const action = readActionAudience(row.audience);
    if (action) return this.composeActionReminder(row.kind, action.entryId, action.memberId, meeting.number);
    const audience = readAudience(row.audience);
    if (!audience) return { kind: "skip", reason: "unknown audience" };
    const facts = (reader: Reader) => ({
      number: meeting.number,
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt, network.timeZone, reader.locale),
      venue: venueText(reader, meeting),
    });

    if (audience.kind === "chat") {
      const chat = { chatId: Number(audience.chatId), topicId: audience.topicId, locale: localeOr(network.locale) };
      if (row.kind === "checkin-card") {
        return {
          kind: "send",
          message: {
            ...chat,
            text: (r) => r.t("checkin-card", facts(r)),
            keyboard: (r) => ({ inline_keyboard: [[{ text: r.t("checkin-button"), callback_data: `in:${meeting.id}` }]] }),
          },
        };
      }
      if (row.kind === "group-summary") {
        const tally = await this.deps.rsvps.tally(meeting.id);
        return { kind: "send", message: { ...chat, text: (r) => [r.t("reminder-group-summary", facts(r)), "", ...tallyLines(r, tally, meeting.capacity)].join("\n") } };
      }
      const silent = await this.deps.rsvps.silentOrganisations(meeting.id, network.id);
      if (silent.length === 0) return { kind: "skip", reason: "every organisation answered" };
      return { kind: "send", message: { ...chat, text: (r) => r.t("reminder-group-silent", { ...facts(r), names: escapeHtml(silent.join(", ")) }) } };
    }

    const member = await this.deps.prisma.member.findUnique({
      where: { id: audience.memberId },
      include: { user: true, rsvps: { where: { meetingId: meeting.id } } },
    });
    if (!member || member.leftAt) return { kind: "skip", reason: "no longer a member" };
    const rsvp = member.rsvps[0];
    const direct = { chatId: Number(member.userId), topicId: 0, locale: negotiateLocale(member.user.locale, member.user.languageCode ?? undefined) };
    const reachable = () => (member.user.dmReachable ? undefined : ({ kind: "skip", reason: "unreachable" } as const));
    switch (row.kind) {
      case "before": {
        if (!rsvp || rsvp.status === "no" || rsvp.waitlistedAt !== null) return { kind: "skip", reason: "not attending" };
        const answer = (r: Reader) => (rsvp.status === "maybe" ? r.t("reminder-answer-maybe") : r.t("reminder-answer-yes", { size: rsvp.partySize }));
        return reachable() ?? { kind: "send", message: { ...direct, text: (r) => r.t("reminder-before", { ...facts(r), answer: answer(r) }) } };
      }
      case "nudge":
        if (rsvp) return { kind: "skip", reason: "answered" };
        return reachable() ?? { kind: "send", message: { ...direct, text: (r) => r.t("reminder-nudge", facts(r)) } };
      case "organiser-summary": {
        if (member.role !== "organiser") return { kind: "skip", reason: "no longer an organiser" };
        const [tally, silent] = await Promise.all([this.deps.rsvps.tally(meeting.id), this.deps.rsvps.silentOrganisations(meeting.id, network.id)]);
        const text = (r: Reader) => {
          const lines = [r.t("reminder-organiser-summary", facts(r)), "", ...tallyLines(r, tally, meeting.capacity)];
          if (silent.length > 0) lines.push(r.t("rsvps-silent", { names: escapeHtml(silent.join(", ")) }));
          return lines.join("\n");
        };
        return reachable() ?? { kind: "send", message: { ...direct, text } };
      }
      case "host-checklist": {
        const step = HOST_CHECKLIST.find((s) => s.days * 1440 === row.offsetMinutes);
        if (!step) return { kind: "skip", reason: "unknown checklist step" };
        if (meeting.hostOrganisationId === null || member.organisationId !== meeting.hostOrganisationId) return { kind: "skip", reason: "no longer the host" };
        const done = await this.deps.prisma.hostChecklistItem.findUnique({ where: { meetingId_item: { meetingId: meeting.id, item: step.item } } });
        if (done?.doneAt) return { kind: "skip", reason: "already done" };
        return (
          reachable() ?? {
            kind: "send",
            message: {
              ...direct,
              text: (r) => r.t("host-checklist-reminder", { ...facts(r), step: r.t(`host-checklist-${step.item}`) }),
              keyboard: (r) => ({ inline_keyboard: [[{ text: r.t("host-checklist-done-button"), callback_data: `chk:${meeting.id}:${step.item}` }]] }),
            },
          }
        );
      }
      default:
        return { kind: "skip", reason: `unknown kind ${row.kind}` };
    }
  }
}
