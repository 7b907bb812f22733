import { escapeHtml } from "../../bot/html.ts";
import type { Network } from "../../db/client.ts";
import { formatInstant } from "../../domain/datetime.ts";
import type { Reader } from "../meetings/view.ts";
import type { NeedTotals } from "../../domain/support-needs.ts";
import { needsTotalsLine } from "../needs/view.ts";
import type { AnonymousAnswers, AnswerOutcome, RsvpRow, Tally } from "./service.ts";

/** What the person is told after answering: a toast, a reply, or (for a plain reply) a reaction. */
export function outcomeText(reader: Reader, outcome: AnswerOutcome): string {
  switch (outcome.kind) {
    case "recorded":
      if (outcome.waitlisted) return reader.t("rsvp-waitlisted", { position: outcome.position ?? 1 });
      if (outcome.status === "yes" && outcome.partySize > 1) return reader.t("rsvp-recorded-party", { size: outcome.partySize });
      return reader.t(`rsvp-recorded-${outcome.status}`);
    case "full":
      return reader.t("rsvp-full", { left: outcome.left });
    default:
      return reader.t(`rsvp-${outcome.kind}`);
  }
}

/** Reaction to a plain-language reply that was recorded: no new message in the group. */
export const REACTION = { yes: "👍", maybe: "🤔", no: "🙏" } as const;

export function totalsLine(reader: Reader, tally: Tally): string {
  return reader.t("card-total", { people: tally.people, maybe: tally.maybe, no: tally.no });
}

/** /rsvps: per organisation, names with their answer; who has not answered; totals; support needs in totals only. */
export function rsvpListLines(
  reader: Reader,
  meeting: { number: number; capacity: number | null },
  network: Network,
  rows: RsvpRow[],
  anonymous: AnonymousAnswers[],
  silent: string[],
  tally: Tally,
  needs?: NeedTotals,
): string[] {
  const lines = [reader.t("rsvps-heading", { number: meeting.number })];
  if (rows.length === 0) lines.push("", reader.t("card-no-answers"));
  let organisation: string | null | undefined;
  for (const row of rows) {
    if (row.organisation !== organisation || lines.length === 1) {
      organisation = row.organisation;
      lines.push("", `<b>${escapeHtml(organisation ?? reader.t("card-no-organisation"))}</b>`);
    }
    const answer = row.waitlisted
      ? reader.t("rsvps-waitlisted", { size: row.partySize })
      : row.status === "yes"
        ? reader.t("rsvps-yes", { size: row.partySize })
        : reader.t(`rsvps-${row.status}`);
    const when = formatInstant(row.answeredAt, network.timeZone, reader.locale);
    lines.push(`• ${escapeHtml(row.member)}${row.username ? ` (@${escapeHtml(row.username)})` : ""}: ${answer} · ${when}`);
  }
  if (anonymous.length > 0) lines.push("", reader.t("rsvps-anonymous-heading"));
  for (const group of anonymous) {
    const answer = group.status === "yes" ? reader.t("rsvps-yes", { size: group.people }) : reader.t(`rsvps-${group.status}`);
    lines.push(reader.t("rsvps-anonymous-line", { organisation: escapeHtml(group.organisation ?? reader.t("card-no-organisation")), count: group.answers, answer }));
  }
  lines.push("");
  if (silent.length > 0) lines.push(reader.t("rsvps-silent", { names: escapeHtml(silent.join(", ")) }));
  lines.push(totalsLine(reader, tally));
  if (meeting.capacity !== null) lines.push(reader.t("card-places-left", { left: Math.max(0, meeting.capacity - tally.people) }));
  if (tally.waitlisted > 0) lines.push(reader.t("card-waitlist", { count: tally.waitlisted }));
  // Never next to the names above: who needs what stays with the person.
  const needsLine = needs ? needsTotalsLine(reader, needs) : undefined;
  if (needsLine) lines.push("", needsLine);
  return lines;
}
