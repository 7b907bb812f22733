import type { PrismaClient } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import type { Rendering, Renderer, SilentRenderer } from "../../outbox/types.ts";
import type { ActionService } from "../actions/service.ts";
import type { Reader } from "../meetings/view.ts";
import type { CheckInService, CheckInState } from "./service.ts";
import { checkInMessage, summaryLines } from "./view.ts";

export interface CheckInRendererDeps {
  prisma: PrismaClient;
  checkins: CheckInService;
  actions: Pick<ActionService, "ownerMemberIds">;
}

/** A check-in message's text and buttons for this reader, from the task as it is now. */
export function renderCheckIn(reader: Reader, state: CheckInState) {
  const target = state.target ? { number: state.target.number, when: formatMeetingTime(state.target.startsAt, state.target.endsAt, state.zone, reader.locale) } : undefined;
  return checkInMessage(reader, { item: state.item, organisation: state.organisation, gone: state.gone, ...(target ? { target } : {}) });
}

const numberOf = (value: unknown): number | undefined => (typeof value === "number" && Number.isInteger(value) ? value : undefined);

/**
 * The check-in: the fan-out before a meeting, each owner's message (decided when it goes: still
 * open, still theirs), the edits that show another contact's answer, and the organisers' summary.
 */
export function checkInRenderers(deps: CheckInRendererDeps): Record<"task-checkin" | "task-checkin-edit" | "task-summary", Renderer> & Record<"task-checkins", SilentRenderer> {
  const { prisma, checkins } = deps;

  const fanOut: SilentRenderer = async ({ row }) => {
    if (row.meetingId === null) return { kind: "skip", reason: "no meeting" };
    await checkins.oweCheckIns(row.meetingId);
    return { kind: "done" };
  };

  const checkIn: Renderer = async ({ row, to }) => {
    if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
    const entryId = numberOf(row.payload.entryId);
    const targetId = numberOf(row.payload.targetMeetingId);
    const state = entryId === undefined ? undefined : await checkins.state(entryId, targetId);
    if (!state || state.gone) return { kind: "skip", reason: "no longer a task" };
    if (state.item.status === "done") return { kind: "skip", reason: "already done" };
    const entry = await prisma.minutesEntry.findUniqueOrThrow({ where: { id: state.item.id }, include: { minutes: { include: { meeting: true } } } });
    const networkId = entry.minutes.meeting.networkId;
    // The task's text may name people: it goes only to whoever owns it now.
    if (!(await deps.actions.ownerMemberIds(entry, networkId)).includes(to.memberId)) return { kind: "skip", reason: "no longer the owner" };
    if (targetId !== undefined) {
      const target = await prisma.meeting.findUnique({ where: { id: targetId }, select: { status: true } });
      if (!target || target.status === "cancelled") return { kind: "skip", reason: "meeting cancelled" };
    } else if (!(await checkins.fallbackAsks(state.item.id, networkId, state.item.meetingNumber))) {
      return { kind: "skip", reason: "a next meeting's check-in asks" };
    }
    const message = renderCheckIn(to.reader, state);
    return {
      kind: "send",
      message: { method: "sendMessage", text: message.text, ...(message.keyboard ? { keyboard: message.keyboard } : {}) },
      // Kept with the row: an answer given elsewhere edits this message to show it.
      recordSent: async (tx, sent) => {
        await tx.outboxMessage.update({ where: { id: row.id }, data: { payload: { ...row.payload, messageId: sent.messageId } } });
      },
    };
  };

  const edit: Renderer = async ({ row, to }) => {
    if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
    const checkInId = numberOf(row.payload.checkInId);
    const sent = checkInId === undefined ? null : await prisma.outboxMessage.findUnique({ where: { id: checkInId }, select: { payload: true, audience: true } });
    const payload = (sent?.payload ?? {}) as Record<string, unknown>;
    const entryId = numberOf(payload.entryId);
    const messageId = numberOf(payload.messageId);
    if (!sent || sent.audience !== row.audience || entryId === undefined || messageId === undefined) return { kind: "skip", reason: "no check-in message" };
    const state = await checkins.state(entryId, numberOf(payload.targetMeetingId));
    if (!state) return { kind: "skip", reason: "never a task" };
    // Someone who no longer owns the task (another contact now, or the task passed on) is not shown its news.
    const entry = await prisma.minutesEntry.findUnique({ where: { id: entryId }, include: { minutes: { include: { meeting: { select: { networkId: true } } } } } });
    if (!entry || !(await deps.actions.ownerMemberIds(entry, entry.minutes.meeting.networkId)).includes(to.memberId)) return { kind: "skip", reason: "no longer the owner" };
    const message = renderCheckIn(to.reader, state);
    return { kind: "send", message: { method: "editMessageText", messageId, text: message.text, ...(message.keyboard ? { keyboard: message.keyboard } : {}) } };
  };

  const summary: Renderer = async ({ row, to }): Promise<Rendering> => {
    if (to.kind !== "member" || to.role !== "organiser") return { kind: "skip", reason: "no longer an organiser" };
    const meeting = row.meetingId === null ? null : await prisma.meeting.findUnique({ where: { id: row.meetingId }, include: { network: true } });
    if (!meeting) return { kind: "skip", reason: "meeting gone" };
    if (meeting.status === "cancelled") return { kind: "skip", reason: "meeting cancelled" };
    const tasks = await checkins.summary(meeting.id);
    if (tasks.length === 0) return { kind: "skip", reason: "no tasks to follow up" };
    const r = to.reader;
    const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.network.timeZone, r.locale);
    // A long summary goes in several messages, one part per delivery round.
    const parts = splitIntoMessages(summaryLines(r, { number: meeting.number, when }, tasks));
    const part = Math.min(numberOf(row.payload.part) ?? 0, parts.length - 1);
    return { kind: "send", message: { method: "sendMessage", text: parts[part]! }, ...(part + 1 < parts.length ? { next: { ...row.payload, part: part + 1 } } : {}) };
  };

  return { "task-checkins": fanOut, "task-checkin": checkIn, "task-checkin-edit": edit, "task-summary": summary };
}
