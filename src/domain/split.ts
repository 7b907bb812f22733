/**
 * Joins lines into messages of at most `limit` characters, never breaking a line unless a single
 * line is itself longer than the limit (then it is cut at the limit).
 */
export function splitIntoMessages(lines: readonly string[], limit = 4096): string[] {
  const messages: string[] = [];
  let current = "";
  for (const line of lines.flatMap((l) => chunk(l, limit))) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
    } else {
      messages.push(current);
      current = line;
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}

function chunk(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += limit) parts.push(line.slice(i, i + limit));
  return parts;
}
