import { escapeHtml } from "../../bot/html.ts";
import type { Network, Organisation } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import type { RotationEntry } from "../../domain/rotation.ts";
import type { Reader } from "../meetings/view.ts";
import { HOST_CHECKLIST } from "../../domain/reminders.ts";
import type { HostService } from "./service.ts";

/** /rotation: the queue, next first, with each one's last turn and why the first is next. */
export function rotationLines(reader: Reader, queue: { entry: RotationEntry; organisation: Organisation }[]): string[] {
  if (queue.length === 0) return [reader.t("rotation-empty")];
  const lines = [reader.t("rotation-heading")];
  for (const [i, { entry, organisation }] of queue.entries()) {
    const last =
      entry.lastTurn === undefined
        ? reader.t("rotation-never")
        : entry.askedFor !== undefined
          ? reader.t("rotation-asked", { number: entry.askedFor })
          : reader.t(entry.lastSkipped ? "rotation-skipped" : "rotation-last", { number: entry.lastTurn });
    lines.push(`${i + 1}. ${escapeHtml(organisation.name)} — ${last}`);
  }
  const first = queue[0]!;
  lines.push(
    "",
    first.entry.lastTurn === undefined
      ? reader.t("rotation-next-never", { org: escapeHtml(first.organisation.name) })
      : first.entry.askedFor !== undefined
        ? reader.t("rotation-next-asked", { org: escapeHtml(first.organisation.name), number: first.entry.askedFor })
        : reader.t("rotation-next-least", { org: escapeHtml(first.organisation.name), number: first.entry.lastTurn }),
  );
  return lines;
}

/** /hosts: past and planned meetings with their hosts, then the count per organisation. */
export function historyLines(reader: Reader, network: Network, history: Awaited<ReturnType<HostService["history"]>>): string[] {
  if (history.meetings.length === 0) return [reader.t("hosts-empty")];
  const lines = [reader.t("hosts-heading")];
  for (const m of history.meetings) {
    lines.push(reader.t("hosts-line", { number: m.number, when: formatMeetingTime(m.startsAt, m.endsAt, network.timeZone, reader.locale), org: escapeHtml(m.hostOrganisation!.name) }));
  }
  lines.push("", reader.t("hosts-counts"), ...history.counts.map(([name, count]) => reader.t("hosts-count-line", { org: escapeHtml(name), count })));
  return lines;
}

/** "Ev sahibi hazırlığı: ✅ Mekân teyidi · ⬜ …" for /meeting. */
export async function checklistLine(ctx: Reader, hosting: HostService, meeting: { id: number; hostOrganisationId: number | null; status: string }): Promise<string | undefined> {
  // Preparation matters for meetings still ahead that have a host.
  if (meeting.hostOrganisationId === null || (meeting.status !== "planned" && meeting.status !== "invited")) return undefined;
  const done = await hosting.checklistDone(meeting.id);
  return ctx.t("host-checklist-heading", { steps: HOST_CHECKLIST.map((s) => `${done.has(s.item) ? "✅" : "⬜"} ${ctx.t(`host-step-${s.item}`)}`).join(" · ") });
}
