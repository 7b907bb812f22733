/**
 * Minutes as plain, already translated text: one model rendered three ways (Telegram messages,
 * a Markdown file, a PDF), so the three never disagree.
 */
export interface MinutesDocument {
  title: string;
  /** Date, venue, host, facilitators, version: one line each. */
  facts: string[];
  sections: MinutesSection[];
}

export interface MinutesSection {
  heading: string;
  /** Each item is one entry; it may span lines but is never split across messages. */
  items: string[];
  /** Numbered (agenda) or bulleted. */
  numbered?: boolean;
  /** Shown in place of the items when there are none. */
  empty?: string;
}

export function itemsOf(section: MinutesSection): { marker: string; text: string }[] {
  if (section.items.length === 0) return section.empty ? [{ marker: "", text: section.empty }] : [];
  return section.items.map((text, i) => ({ marker: section.numbered ? `${i + 1}.` : "•", text }));
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#|~]/g;

function markdownText(text: string): string {
  // A line starting with "-", "+" or "1." would turn into a list of its own.
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`).replace(/^(\s*)([-+]|\d+\.)(\s)/gm, "$1\\$2$3");
}

export function minutesMarkdown(doc: MinutesDocument): string {
  const lines = [`# ${markdownText(doc.title)}`, "", ...doc.facts.map((f) => `${markdownText(f)}  `)];
  for (const section of doc.sections) {
    lines.push("", `## ${markdownText(section.heading)}`, "");
    for (const item of itemsOf(section)) {
      const text = markdownText(item.text).replace(/\n/g, "\n   ");
      lines.push(item.marker === "" ? `_${text}_` : item.marker === "•" ? `- ${text}` : `${item.marker} ${text}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
