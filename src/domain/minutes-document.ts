/**
 * Minutes as plain, already translated text: one model rendered three ways (Telegram messages,
 * a Markdown file, a PDF), so the three never disagree.
 */
export interface MinutesDocument {
  title: string;
  /** Date, venue, host, facilitators, version: one line each. */
  facts: string[];
  sections: MinutesSection[];
  /** Only in the Markdown file (the series' decision register): too long for messages and the PDF. */
  appendix?: MinutesSection[];
}

export interface MinutesSection {
  heading: string;
  /** Each item is one entry; it may span lines but is never split across messages. */
  items: string[];
  /** Numbered (agenda) or bulleted. */
  numbered?: boolean;
  /** Each item's own label instead of a number or bullet ("25/3" for a decision); by position. */
  labels?: readonly (string | undefined)[];
  /** Shown in place of the items when there are none. */
  empty?: string;
}

export function itemsOf(section: MinutesSection): { marker: string; text: string }[] {
  if (section.items.length === 0) return section.empty ? [{ marker: "", text: section.empty }] : [];
  return section.items.map((text, i) => {
    const label = section.labels?.[i];
    return { marker: label ? `${label} —` : section.numbered ? `${i + 1}.` : "•", text };
  });
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#|~]/g;

/** `inline`: the text follows something on its first line (a label), so only its later lines start a line. */
function markdownText(text: string, inline = false): string {
  // A line starting with "-", "+" or "1." would turn into a list of its own.
  const listLike = inline ? /(\n\s*)([-+]|\d+\.)(\s)/g : /^(\s*)([-+]|\d+\.)(\s)/gm;
  // CommonMark escapes the dot of a number ("2\."), and "-" or "+" itself.
  const escaped = (marker: string) => (marker.endsWith(".") ? `${marker.slice(0, -1)}\\.` : `\\${marker}`);
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`).replace(listLike, (_, before: string, marker: string, space: string) => `${before}${escaped(marker)}${space}`);
}

export function minutesMarkdown(doc: MinutesDocument): string {
  const lines = [`# ${markdownText(doc.title)}`, "", ...doc.facts.map((f) => `${markdownText(f)}  `)];
  for (const section of [...doc.sections, ...(doc.appendix ?? [])]) {
    lines.push("", `## ${markdownText(section.heading)}`, "");
    for (const [i, item] of itemsOf(section).entries()) {
      // A labelled item is a bullet led by its label in bold, so consecutive ones stay separate lines.
      const label = section.items.length > 0 ? section.labels?.[i] : undefined;
      const text = markdownText(item.text, label !== undefined).replace(/\n/g, "\n   ");
      if (label) lines.push(`- **${markdownText(label)}** — ${text}`);
      else lines.push(item.marker === "" ? `_${text}_` : item.marker === "•" ? `- ${text}` : `${item.marker} ${text}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
