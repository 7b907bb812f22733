import { escapeHtml } from "../../bot/html.ts";
import type { PrismaClient } from "../../db/client.ts";
import type { Renderer } from "../../outbox/types.ts";
import { actionItemOf } from "./service.ts";
import { actionText } from "./view.ts";

/** An organiser hears privately that an action item was done, and by whom (their first name), as the database says when it goes out. */
export function actionRenderers(deps: { prisma: PrismaClient }): Record<"action-organisers", Renderer> {
  return {
    "action-organisers": async ({ row, to }) => {
      // Who closed it is a person's name: organisers read it, privately.
      if (to.kind !== "member" || to.role !== "organiser") return { kind: "skip", reason: "not an organiser" };
      const entry = await deps.prisma.minutesEntry.findUnique({ where: { id: Number(row.payload.entryId) }, include: { ownerOrganisation: true, minutes: { include: { meeting: true } } } });
      if (!entry || entry.kind !== "action" || entry.deletedAt) return { kind: "skip", reason: "no longer an action item" };
      if (entry.doneAt?.getTime() !== Number(row.payload.doneAt)) return { kind: "skip", reason: "no longer done" };
      const closer = entry.doneBy === null ? null : await deps.prisma.telegramUser.findUnique({ where: { id: entry.doneBy } });
      if (!closer) return { kind: "skip", reason: "closed by nobody known" };
      const r = to.reader;
      const number = entry.minutes.meeting.number;
      const item = actionItemOf(entry, number);
      const text = r.t("action-done-announce", { name: escapeHtml(closer.firstName), item: escapeHtml(actionText(r, item, true)), number });
      return { kind: "send", message: { method: "sendMessage", text } };
    },
  };
}
