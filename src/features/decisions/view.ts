import type { Reader } from "../../bot/i18n.ts";
import { escapeHtml } from "../../bot/html.ts";
import { formatDecisionNumber, turkishGenitive, type DecisionNumber } from "../../domain/decisions.ts";
import type { MinutesSection } from "../../domain/minutes-document.ts";
import type { Decision, SupersedeResult } from "./service.ts";

/** "25/3'ün" in Turkish (the ending as the number is read), "25/3" in English. */
function numberOf(reader: Reader, n: DecisionNumber): string {
  return reader.t("decision-number-of", { number: formatDecisionNumber(n), suffix: turkishGenitive(n.decision) });
}

/** What replaced what, as one parenthesis: "(25/3'ün yerine geçer; 27/1 ile değişti)"; empty when neither. */
export function supersedeNote(reader: Reader, decision: Pick<Decision, "replacedBy" | "replaces">): string {
  const notes: string[] = [];
  if (decision.replaces.length > 0) notes.push(reader.t("decision-replaces", { numbers: decision.replaces.map((n) => numberOf(reader, n)).join(", ") }));
  if (decision.replacedBy) notes.push(reader.t("decision-replaced-by", { number: formatDecisionNumber(decision.replacedBy) }));
  return notes.length > 0 ? ` (${notes.join("; ")})` : "";
}

/** A decision's text with its note, as a reader may see it (names withheld by `shown`). */
export function decisionText(reader: Reader, decision: Pick<Decision, "replacedBy" | "replaces">, text: string): string {
  return `${text}${supersedeNote(reader, decision)}`;
}

/** The register as a section of the minutes' Markdown file: in number order, each with its label. */
export function registerSection(reader: Reader, decisions: readonly Decision[], upTo: number, shown: (d: Decision) => string): MinutesSection {
  return {
    heading: reader.t("decision-register-heading", { number: upTo }),
    items: decisions.map((d) => decisionText(reader, d, shown(d))),
    labels: decisions.map((d) => formatDecisionNumber(d.number)),
    empty: reader.t("decision-register-empty"),
  };
}

/** Newest first; those replaced last (newest first among them too). */
export function listingOrder(decisions: readonly Decision[]): Decision[] {
  const newestFirst = [...decisions].reverse();
  return [...newestFirst.filter((d) => !d.replacedBy), ...newestFirst.filter((d) => d.replacedBy)];
}

/** /decisions as HTML lines: one line per decision, with a heading. */
export function decisionListLines(reader: Reader, decisions: readonly Decision[], query: string, shown: (d: Decision) => string): string[] {
  // The search is not repeated back: in a group it could carry a name the texts themselves withhold.
  if (decisions.length === 0) return [query === "" ? reader.t("decisions-none") : reader.t("decisions-none-found")];
  const heading = query === "" ? reader.t("decisions-heading", { count: decisions.length }) : reader.t("decisions-heading-found", { count: decisions.length });
  const lines = [heading, ""];
  const ordered = listingOrder(decisions);
  const firstReplaced = ordered.findIndex((d) => d.replacedBy);
  for (const [i, d] of ordered.entries()) {
    if (i === firstReplaced) lines.push(...(i > 0 ? [""] : []), reader.t("decisions-replaced-heading"));
    lines.push(`<b>${formatDecisionNumber(d.number)}</b> — ${escapeHtml(decisionText(reader, d, shown(d)))}`);
  }
  return lines;
}

export function supersedeText(reader: Reader, result: SupersedeResult): string {
  switch (result.kind) {
    case "done":
      return reader.t("decision-supersede-done", { old: formatDecisionNumber(result.old), new: formatDecisionNumber(result.replacement) });
    case "unknown":
      return reader.t("decision-supersede-unknown", { number: formatDecisionNumber(result.number) });
    case "same":
      return reader.t("decision-supersede-same");
    case "older":
      return reader.t("decision-supersede-older", { old: formatDecisionNumber(result.old), new: formatDecisionNumber(result.replacement) });
    case "already":
      return reader.t("decision-supersede-already", { old: formatDecisionNumber(result.old), by: formatDecisionNumber(result.by) });
    case "replacement-replaced":
      return reader.t("decision-supersede-replacement-replaced", { new: formatDecisionNumber(result.replacement), by: formatDecisionNumber(result.by) });
  }
}
