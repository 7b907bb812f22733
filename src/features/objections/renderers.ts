import { escapeHtml } from "../../bot/html.ts";
import type { PrismaClient } from "../../db/client.ts";
import { displayName } from "../../domain/names.ts";
import type { Renderer } from "../../outbox/types.ts";

const skip = (reason: string) => ({ kind: "skip" as const, reason });

/**
 * An objection to the organisers and the minute-taker (with the objector's name: they may read
 * it), and an organiser's answer to the objector. Both read the database when they go out.
 */
export function objectionRenderers(deps: { prisma: PrismaClient }): Record<"objection-notice" | "objection-answer", Renderer> {
  const find = (id: number) =>
    deps.prisma.minutesObjection.findUnique({
      where: { id },
      include: { entry: true, member: { include: { user: true, organisation: true } }, minutes: { include: { meeting: true } } },
    });
  return {
    "objection-notice": async ({ row, to }) => {
      if (to.kind !== "member") return skip("not a person");
      const objection = await find(Number(row.payload.objectionId));
      if (!objection) return skip("objection gone");
      // Still one of its readers: an organiser, or the minute-taker of this meeting.
      const organiser = to.role === "organiser";
      if (!organiser && objection.minutes.takerId !== to.userId) return skip("neither an organiser nor the minute-taker");
      const r = to.reader;
      const number = objection.minutes.meeting.number;
      const who = objection.member ? [displayName(objection.member.user), objection.member.organisation?.shortName].filter(Boolean).join(", ") : r.t("objection-objector-erased");
      const lines = [
        r.t("objection-notice-heading", { number, objection: objection.number, version: objection.version }),
        r.t("objection-notice-from", { who: escapeHtml(who) }),
      ];
      if (objection.entry) lines.push(r.t("objection-notice-entry", { entry: objection.entry.number, text: escapeHtml(objection.entry.text) }));
      lines.push("", escapeHtml(objection.text));
      if (objection.resolvedAt) lines.push("", r.t("objection-state-resolved", { resolution: escapeHtml(objection.resolution ?? "") }));
      else if (organiser) lines.push("", r.t("objection-notice-how", { number, objection: objection.number }));
      return { kind: "send", message: { method: "sendMessage", text: lines.join("\n") } };
    },

    "objection-answer": async ({ row, to }) => {
      if (to.kind !== "member") return skip("not a person");
      const objection = await find(Number(row.payload.objectionId));
      if (!objection || objection.memberId !== to.memberId) return skip("not their objection");
      if (!objection.resolvedAt || objection.resolution === null) return skip("not answered");
      const r = to.reader;
      const text = [
        r.t("objection-answer-heading", { number: objection.minutes.meeting.number, objection: objection.number }),
        escapeHtml(objection.resolution),
        "",
        r.t("objection-answer-yours", { text: escapeHtml(objection.text) }),
      ].join("\n");
      return { kind: "send", message: { method: "sendMessage", text } };
    },
  };
}
