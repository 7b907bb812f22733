import { NOT_AN_ANSWER } from "./phrases.ts";
import { plain } from "./plain-text.ts";

export interface Clause {
  raw: string;
  text: string; // plain: folded words joined by single spaces
  question: boolean;
}

const CONJUNCTION = /(?=(?<!\p{L})(?:ama|fakat|ancak|lakin|but|however)(?!\p{L}))/iu;

export function splitClauses(raw: string): Clause[] {
  const clauses: Clause[] = [];
  for (const sentence of raw.split(/(?<=[.!?;…\n])/u)) {
    const asked = /\?\s*$/.test(sentence);
    const parts = sentence.split(/,/).flatMap((part) => part.split(CONJUNCTION));
    parts.forEach((part, i) => {
      const text = plain(part).replace(NOT_AN_ANSWER, " ").replace(/\s+/g, " ").trim();
      if (text) clauses.push({ raw: part, text, question: asked && i === parts.length - 1 });
    });
  }
  return clauses;
}
