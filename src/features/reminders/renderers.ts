import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import type { PrismaClient } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import { HOST_CHECKLIST } from "../../domain/reminders.ts";
import type { RenderContext, Rendering, Renderer } from "../../outbox/types.ts";
import { actionItemOf, type ActionService } from "../actions/service.ts";
import { actionText, doneData } from "../actions/view.ts";
import { tallyLines } from "../invitations/view.ts";
import { venueText, type Reader } from "../meetings/view.ts";
import type { RsvpService } from "../rsvp/service.ts";
import { hostNeedsLine } from "../needs/host-line.ts";
import { memberSeesPlace } from "../venues/service.ts";

export interface ReminderRendererDeps {
  prisma: PrismaClient;
  rsvps: RsvpService;
  actions: Pick<ActionService, "ownerMemberIds">;
}

type ReminderKinds = "before" | "group-summary" | "nudge" | "group-silent" | "organiser-summary" | "host-checklist" | "checkin-card" | "action-soon" | "action-due";

const message = (text: string, keyboard?: InlineKeyboardMarkup): Rendering => ({ kind: "send", message: { method: "sendMessage", text, ...(keyboard ? { keyboard } : {}) } });
/** A private message that shows a confidential place: protected (it cannot be forwarded or saved). */
const placeMessage = (text: string, protect: boolean): Rendering => ({ kind: "send", message: { method: "sendMessage", text, ...(protect ? { protect: true } : {}) } });

/**
 * Reminders decide at the last moment, from the database: a cancelled meeting, a member who
 * changed to "no" or has answered, a step already done — each is recorded and nothing is sent.
 */
export function reminderRenderers(deps: ReminderRendererDeps): Record<ReminderKinds, Renderer> {
  const meetingOf = async (context: RenderContext) => {
    const meeting = await deps.prisma.meeting.findUnique({ where: { id: context.row.meetingId ?? -1 }, include: { network: true, hostOrganisation: true } });
    if (!meeting) return undefined;
    // A confidential place only where `revealed` says the reader may read it (never a chat).
    const facts = (reader: Reader, revealed = false) => ({
      number: meeting.number,
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.network.timeZone, reader.locale),
      venue: venueText(reader, meeting, revealed),
    });
    /** Whether this row's member may read the place now (src/domain/venue-privacy.ts). */
    const seesPlace = (context: RenderContext) => (context.to.kind === "member" ? memberSeesPlace(deps.prisma, meeting, context.to.memberId, context.now) : Promise.resolve(false));
    return { meeting, facts, seesPlace };
  };
  /** A reminder about a meeting: nothing for a cancelled one, or one that is gone. */
  const about = (render: (context: RenderContext, found: NonNullable<Awaited<ReturnType<typeof meetingOf>>>) => Promise<Rendering>): Renderer => async (context) => {
    const found = await meetingOf(context);
    if (!found) return { kind: "skip", reason: "meeting gone" };
    if (found.meeting.status === "cancelled") return { kind: "skip", reason: "meeting cancelled" };
    return render(context, found);
  };
  const answerOf = (meetingId: number, memberId: number) => deps.prisma.rsvp.findUnique({ where: { meetingId_memberId: { meetingId, memberId } } });

  const actionReminder = (kind: "action-soon" | "action-due"): Renderer => async ({ row, to }) => {
    const entry = await deps.prisma.minutesEntry.findUnique({ where: { id: Number(row.payload.entryId) }, include: { ownerOrganisation: true, minutes: { include: { meeting: true } } } });
    if (!entry || entry.kind !== "action" || entry.deletedAt || entry.publishedAt === null) return { kind: "skip", reason: "no longer an action item" };
    if (entry.doneAt) return { kind: "skip", reason: "already done" };
    // The item's text may name people: it goes only to whoever owns it now.
    if (to.kind !== "member" || !(await deps.actions.ownerMemberIds(entry, entry.minutes.meeting.networkId)).includes(to.memberId)) return { kind: "skip", reason: "no longer the owner" };
    const number = entry.minutes.meeting.number;
    const r = to.reader;
    const item = actionItemOf(entry, number);
    return message(r.t(kind === "action-due" ? "action-reminder-due" : "action-reminder-soon", { item: escapeHtml(actionText(r, item, true)), number }), {
      inline_keyboard: [[{ text: r.t("action-done-button"), callback_data: doneData(entry.id) }]],
    });
  };

  return {
    "checkin-card": about(async ({ to }, { meeting, facts }) =>
      message(to.reader.t("checkin-card", facts(to.reader)), { inline_keyboard: [[{ text: to.reader.t("checkin-button"), callback_data: `in:${meeting.id}` }]] }),
    ),
    "group-summary": about(async ({ to }, { meeting, facts }) => {
      const tally = await deps.rsvps.tally(meeting.id);
      return message([to.reader.t("reminder-group-summary", facts(to.reader)), "", ...tallyLines(to.reader, tally, meeting.capacity)].join("\n"));
    }),
    "group-silent": about(async ({ to }, { meeting, facts }) => {
      const silent = await deps.rsvps.silentOrganisations(meeting.id, meeting.networkId);
      if (silent.length === 0) return { kind: "skip", reason: "every organisation answered" };
      return message(to.reader.t("reminder-group-silent", { ...facts(to.reader), names: escapeHtml(silent.join(", ")) }));
    }),
    before: about(async (context, { meeting, facts, seesPlace }) => {
      const { to } = context;
      if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
      const rsvp = await answerOf(meeting.id, to.memberId);
      if (!rsvp || rsvp.status === "no" || rsvp.waitlistedAt !== null) return { kind: "skip", reason: "not attending" };
      const r = to.reader;
      const answer = rsvp.status === "maybe" ? r.t("reminder-answer-maybe") : r.t("reminder-answer-yes", { size: rsvp.partySize });
      const revealed = await seesPlace(context);
      return placeMessage(r.t("reminder-before", { ...facts(r, revealed), answer }), revealed && meeting.venuePrivate);
    }),
    nudge: about(async (context, { meeting, facts, seesPlace }) => {
      const { to } = context;
      if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
      if (await answerOf(meeting.id, to.memberId)) return { kind: "skip", reason: "answered" };
      const revealed = await seesPlace(context);
      return placeMessage(to.reader.t("reminder-nudge", facts(to.reader, revealed)), revealed && meeting.venuePrivate);
    }),
    "organiser-summary": about(async ({ to }, { meeting, facts }) => {
      if (to.kind !== "member" || to.role !== "organiser") return { kind: "skip", reason: "no longer an organiser" };
      const [tally, silent] = await Promise.all([deps.rsvps.tally(meeting.id), deps.rsvps.silentOrganisations(meeting.id, meeting.networkId)]);
      const r = to.reader;
      // An organiser always reads the place: protected when it is confidential.
      const lines = [r.t("reminder-organiser-summary", facts(r, true)), "", ...tallyLines(r, tally, meeting.capacity)];
      if (silent.length > 0) lines.push(r.t("rsvps-silent", { names: escapeHtml(silent.join(", ")) }));
      return placeMessage(lines.join("\n"), meeting.venuePrivate);
    }),
    "host-checklist": about(async (context, { meeting, facts, seesPlace }) => {
      const { row, to } = context;
      const step = HOST_CHECKLIST.find((s) => s.days * 1440 === row.offsetMinutes);
      if (!step) return { kind: "skip", reason: "unknown checklist step" };
      if (to.kind !== "member" || meeting.hostOrganisationId === null || to.organisationId !== meeting.hostOrganisationId) return { kind: "skip", reason: "no longer the host" };
      const done = await deps.prisma.hostChecklistItem.findUnique({ where: { meetingId_item: { meetingId: meeting.id, item: step.item } } });
      if (done?.doneAt) return { kind: "skip", reason: "already done" };
      const r = to.reader;
      // Support needs in totals on every step; the accessibility step says so even when there are none.
      const needs = await hostNeedsLine(deps.prisma, r, meeting.id, step.item === "accessibility");
      // The host's contacts read the place (one who no longer is one does not): protected when it is confidential.
      const revealed = await seesPlace(context);
      const text = r.t("host-checklist-reminder", { ...facts(r, revealed), step: [r.t(`host-checklist-${step.item}`), ...(needs ? [needs] : [])].join("\n") });
      const keyboard = { inline_keyboard: [[{ text: r.t("host-checklist-done-button"), callback_data: `chk:${meeting.id}:${step.item}` }]] };
      return { kind: "send", message: { method: "sendMessage", text, keyboard, ...(meeting.venuePrivate && revealed ? { protect: true } : {}) } };
    }),
    "action-soon": actionReminder("action-soon"),
    "action-due": actionReminder("action-due"),
  };
}
