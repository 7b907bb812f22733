import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import type { PrismaClient } from "../../db/client.ts";
import { formatInstant, formatMeetingTime } from "../../domain/datetime.ts";
import type { Renderers } from "../../outbox/delivery.ts";
import type { Recipient, Rendering, Renderer } from "../../outbox/types.ts";
import type { Reader } from "../meetings/view.ts";
import { contactMembers } from "./notices.ts";
import type { HostService } from "./service.ts";

export interface HostingRendererDeps {
  prisma: PrismaClient;
  hosting: HostService;
}

type HostingKinds = "host-proposal" | "host-group" | "host-organisers" | "host-swap" | "host-expiry";

const message = (text: string, keyboard?: InlineKeyboardMarkup): Rendering => ({ kind: "send", message: { method: "sendMessage", text, ...(keyboard ? { keyboard } : {}) } });
const skip = (reason: string): Rendering => ({ kind: "skip", reason });

/**
 * Hosting messages, rendered from the turn as it is when they are sent: a proposal that was
 * answered meanwhile is not asked any more, a host that changed since is not announced.
 */
export function hostingRenderers(deps: HostingRendererDeps): Pick<Renderers, HostingKinds> {
  const { prisma } = deps;

  /** The turn a row is about, with its meeting and organisation; nothing once the meeting is cancelled. */
  const turnOf = async (payload: Record<string, unknown>) => {
    const turn = await prisma.hostTurn.findUnique({ where: { id: Number(payload.turnId) }, include: { meeting: { include: { network: true } }, organisation: true } });
    if (!turn || turn.meeting.status === "cancelled") return undefined;
    const zone = turn.meeting.network.timeZone;
    const when = (r: Reader) => formatMeetingTime(turn.meeting.startsAt, turn.meeting.endsAt, zone, r.locale);
    // A proposal's deadline is never after the meeting starts, so the start stands in for a missing one.
    const deadline = (r: Reader) => formatInstant(turn.deadline ?? turn.meeting.startsAt, zone, r.locale);
    return { turn, meeting: turn.meeting, when, deadline };
  };
  type Found = NonNullable<Awaited<ReturnType<typeof turnOf>>>;
  const about = (render: (context: { payload: Record<string, unknown>; to: Recipient; now: Date }, found: Found) => Promise<Rendering>): Renderer => async ({ row, to, now }) => {
    const found = await turnOf(row.payload);
    if (!found) return skip("meeting cancelled or gone");
    return render({ payload: row.payload, to, now }, found);
  };
  const stillAsked = ({ turn }: Found, now: Date) => turn.status === "proposed" && (turn.deadline === null || turn.deadline > now);
  /** A member who answers for the organisation now (contacts may have been marked since). */
  const isContact = async (to: Recipient, organisationId: number) => to.kind === "member" && (await contactMembers(prisma, organisationId)).some((m) => m.id === to.memberId);
  const organisation = (id: number) => prisma.organisation.findUnique({ where: { id } });

  return {
    "host-proposal": about(async ({ to, now }, found) => {
      const { turn, meeting } = found;
      if (!stillAsked(found, now)) return skip("no longer proposed");
      if (!(await isContact(to, turn.organisationId))) return skip("no longer a contact of the organisation");
      const r = to.reader;
      return message(r.t("host-proposal-dm", { number: meeting.number, org: escapeHtml(turn.organisation.name), when: found.when(r), deadline: found.deadline(r) }), {
        inline_keyboard: [
          [{ text: r.t("host-accept-button"), callback_data: `host:a:${turn.id}` }],
          [{ text: r.t("host-decline-button"), callback_data: `host:d:${turn.id}` }],
          [{ text: r.t("host-swap-button"), callback_data: `host:s:${turn.id}` }],
        ],
      });
    }),

    "host-group": about(async ({ payload, to, now }, found) => {
      const { turn, meeting } = found;
      const r = to.reader;
      const org = escapeHtml(turn.organisation.name);
      switch (payload.event) {
        case "proposed":
          // Answered before this went out: the answer's own line tells the group.
          if (!stillAsked(found, now)) return skip("no longer proposed");
          return message(r.t("host-proposed-group", { number: meeting.number, org, deadline: found.deadline(r) }));
        case "accepted":
          if (meeting.hostOrganisationId !== turn.organisationId) return skip("the host changed since");
          return message(r.t("host-accepted-group", { number: meeting.number, org }));
        case "declined":
          return message(r.t("host-declined-group", { number: meeting.number, org }));
        case "swapped": {
          if (turn.swapWithId === null || meeting.hostOrganisationId !== turn.swapWithId) return skip("the host changed since");
          const host = await organisation(turn.swapWithId);
          if (!host) return skip("organisation gone");
          return message(r.t("host-swapped-group", { number: meeting.number, to: escapeHtml(host.name), from: org }));
        }
        default:
          return skip(`unknown hosting event ${String(payload.event)}`);
      }
    }),

    "host-organisers": about(async ({ payload, to }, { turn, meeting }) => {
      if (to.kind !== "member" || to.role !== "organiser") return skip("no longer an organiser");
      const r = to.reader;
      if (payload.event === "expired") return message(r.t("host-expired-organisers", { number: meeting.number, org: escapeHtml(turn.organisation.name) }));
      if (payload.event !== "nobody") return skip(`unknown hosting event ${String(payload.event)}`);
      // An organiser assigned a host (or a new proposal opened) before this went out.
      if (meeting.hostOrganisationId !== null) return skip("the meeting has a host");
      if (await prisma.hostTurn.count({ where: { meetingId: meeting.id, status: "proposed" } })) return skip("a proposal is open");
      return message(r.t("host-nobody", { number: meeting.number }));
    }),

    "host-swap": about(async ({ payload, to, now }, found) => {
      const { turn, meeting } = found;
      const asked = Number(payload.organisationId);
      if (!stillAsked(found, now)) return skip("no longer proposed");
      const r = to.reader;
      if (payload.event === "ask") {
        // Refused, or another organisation asked instead, before this went out.
        if (turn.swapWithId !== asked) return skip("no longer asked");
        if (!(await isContact(to, asked))) return skip("no longer a contact of the organisation");
        const other = await organisation(asked);
        if (!other) return skip("organisation gone");
        return message(r.t("host-swap-dm", { number: meeting.number, when: found.when(r), from: escapeHtml(turn.organisation.name), to: escapeHtml(other.name) }), {
          inline_keyboard: [[{ text: r.t("host-swap-accept-button"), callback_data: `host:y:${turn.id}` }, { text: r.t("host-swap-refuse-button"), callback_data: `host:n:${turn.id}` }]],
        });
      }
      if (payload.event !== "refused") return skip(`unknown hosting event ${String(payload.event)}`);
      if (!(await isContact(to, turn.organisationId))) return skip("no longer a contact of the organisation");
      const other = await organisation(asked);
      if (!other) return skip("organisation gone");
      return message(r.t("host-swap-refused", { number: meeting.number, org: escapeHtml(other.name) }));
    }),

    // The answer deadline: the turn expires and passes on, or an answer got in first.
    "host-expiry": async ({ row }) => ((await deps.hosting.expire(Number(row.payload.turnId))) ? { kind: "done" } : skip("answered before the deadline")),
  };
}
