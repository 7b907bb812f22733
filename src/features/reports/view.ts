import { escapeHtml } from "../../bot/html.ts";
import type { Reader } from "../meetings/view.ts";
import type { NetworkStats } from "./service.ts";

/** /stats: one line per organisation, in rotation order. */
export function statsLines(reader: Reader, stats: NetworkStats): string[] {
  const lines = [reader.t("stats-heading", { meetings: stats.meetings })];
  if (stats.organisations.length === 0) return [...lines, "", reader.t("stats-no-organisations")];
  for (const org of stats.organisations) {
    lines.push(reader.t("stats-line", { organisation: escapeHtml(org.organisation), attended: org.attended, meetings: stats.meetings, hosted: org.hosted, open: org.openActions }));
  }
  return lines;
}
