import type { EmulatedChat, EmulatedUser, ReplyMarkup } from "./world.ts";

/** A group message that carried a test person's name or username, or a confidential place. */
export interface PrivacyViolation {
  chatId: number;
  method: string;
  /** The words as they appeared in the message. */
  matched: string;
  /** The text around them, enough to find the message. */
  excerpt: string;
  /** Why they must not be there: a person's name, or confidential words (a venue, an address) and why those are. */
  why?: string;
}

interface ConfidentialWords {
  /** Folded (see fold) and with runs of white space made one space. */
  needle: string;
  why: string;
}

interface Exception {
  pattern: string | RegExp;
  reason: string;
}

interface Term {
  pattern: RegExp;
}

const EXCERPT_CONTEXT = 30;

/**
 * Watches what the bot shows in groups: any text there that names a person the emulator knows
 * (whole first or last name, or username) is recorded. The call it came with still succeeds,
 * so the guard never changes the bot's behaviour, only what a test may conclude.
 */
export class PrivacyGuard {
  readonly violations: PrivacyViolation[] = [];
  private exceptions: Exception[] = [];
  private readonly publicUsers = new Set<number>();
  private confidential: ConfidentialWords[] = [];

  constructor(private readonly people: () => Iterable<EmulatedUser>) {}

  /** A person whose name is printed on purpose (a facilitator, a speaker) is not guarded. */
  declarePublic(userId: number): void {
    this.publicUsers.add(userId);
  }

  /** The people declared public, for a snapshot of the world. */
  publicUserIds(): number[] {
    return [...this.publicUsers];
  }

  /** Accepts matches inside text that `pattern` matches, for the current test only. */
  allow(pattern: string | RegExp, reason: string): void {
    if (typeof pattern === "string" && pattern.trim() === "") throw new Error("privacy.allow: the pattern is empty");
    if (reason.trim() === "") throw new Error("privacy.allow: say why this name may appear in a group");
    this.exceptions.push({ pattern, reason });
  }

  /**
   * Words no group may read, whoever wrote them: a confidential meeting's venue name or address.
   * Matched case- and dotted-i-insensitively anywhere in a group's text, caption, button, document
   * name or text document. Kept until forgotten: a place leaked in a later test is still leaked.
   */
  guardConfidential(text: string, why: string): void {
    const needle = foldSpaces(text);
    if (needle.length < 3) throw new Error("privacy.guardConfidential: too short to guard without false alarms");
    if (why.trim() === "") throw new Error("privacy.guardConfidential: say why these words are confidential");
    if (!this.confidential.some((c) => c.needle === needle)) this.confidential.push({ needle, why });
  }

  /** Forgets violations and exceptions: one test's findings do not leak into the next. */
  reset(): void {
    this.violations.length = 0;
    this.exceptions = [];
  }

  /**
   * A document sent to a group: a text document (not binary, valid UTF-8) is read for confidential
   * words, also with calendar (RFC 5545) folding and escapes undone, so "LOCATION:…" split across
   * lines is read whole.
   */
  inspectDocument(chat: EmulatedChat, method: string, bytes: Buffer): void {
    if (chat.type === "private" || this.confidential.length === 0) return;
    const text = readableText(bytes);
    if (text === undefined) return;
    const unfolded = text.replace(/\r?\n[ \t]/g, "").replace(/\\([,;\\])/g, "$1").replace(/\\[nN]/g, "\n");
    const before = this.violations.length;
    this.inspectConfidential(chat, method, text);
    if (this.violations.length === before) this.inspectConfidential(chat, method, unfolded);
  }

  private inspectConfidential(chat: EmulatedChat, method: string, text: string): void {
    if (this.confidential.length === 0) return;
    const { folded, original } = foldSpacesMapped(text);
    for (const { needle, why } of this.confidential) {
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        const start = original[at]!;
        const end = original[at + needle.length - 1]! + 1;
        this.violations.push({ chatId: chat.id, method, matched: text.slice(start, end), excerpt: excerpt(text, start, end), why });
      }
    }
  }

  /** Records what of `text` names a guarded person, when the chat is a group. */
  inspect(chat: EmulatedChat, method: string, text: string | undefined): void {
    if (chat.type === "private" || text === undefined || text === "") return;
    this.inspectConfidential(chat, method, text.normalize("NFC"));
    const normal = text.normalize("NFC");
    const folded = fold(normal);
    const spans: { start: number; end: number }[] = [];
    for (const term of this.terms()) {
      for (const match of folded.matchAll(term.pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
    }
    // "derya" inside "@derya_ikdd" is one finding, the username, not two.
    const widest = spans
      .sort((a, b) => b.end - b.start - (a.end - a.start))
      .filter((span, index, all) => !all.slice(0, index).some((wider) => wider.start <= span.start && wider.end >= span.end))
      .sort((a, b) => a.start - b.start);
    for (const { start, end } of widest) {
      if (this.excepted(normal, folded, start, end)) continue;
      this.violations.push({ chatId: chat.id, method, matched: normal.slice(start, end), excerpt: excerpt(normal, start, end) });
    }
  }

  /** Button labels are as visible in a group as the text above them. */
  inspectMarkup(chat: EmulatedChat, method: string, markup: ReplyMarkup | undefined): void {
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) this.inspect(chat, `${method} (button)`, button.text);
    }
  }

  /**
   * The patterns, compiled once for the people known so far: inspecting runs in the process that
   * also runs the bot under test (benchmarks too), so it must not stall it on every card edit.
   */
  private terms(): Term[] {
    const people = [...this.people()];
    const key = `${people.length}:${this.publicUsers.size}`;
    if (this.compiled?.key !== key) this.compiled = { key, terms: this.compile(people) };
    return this.compiled.terms;
  }

  private compiled: { key: string; terms: Term[] } | undefined;

  /** One pattern for everyone: usernames first, then names, longest first, so the widest wins at each place. */
  private compile(people: EmulatedUser[]): Term[] {
    const names: string[] = [];
    const usernames: string[] = [];
    for (const user of people) {
      if (this.publicUsers.has(user.id)) continue;
      for (const name of [user.first_name, user.last_name]) {
        // Two-letter names ("Su", "Ay") are ordinary words too often to guard.
        if (name && (name.match(/\p{L}/gu)?.length ?? 0) >= 3) names.push(name);
      }
      // A username ends at anything a username could not continue with; "@" before it is optional.
      if (user.username) usernames.push(user.username);
    }
    const alternatives = [wordAlternative(usernames, "\\p{L}\\p{M}\\p{N}_"), wordAlternative(names, "\\p{L}\\p{M}")].filter((a): a is string => a !== undefined);
    return alternatives.length === 0 ? [] : [{ pattern: new RegExp(alternatives.join("|"), "gu") }];
  }

  private excepted(normal: string, folded: string, start: number, end: number): boolean {
    return this.exceptions.some(({ pattern }) => {
      if (typeof pattern === "string") {
        const needle = fold(pattern.normalize("NFC"));
        for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
          if (at <= start && at + needle.length >= end) return true;
        }
        return false;
      }
      const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
      for (const match of normal.matchAll(new RegExp(pattern.source, flags))) {
        if (match.index <= start && match.index + match[0].length >= end) return true;
        if (match[0].length === 0) break;
      }
      return false;
    });
  }
}

/**
 * Turkish lower case, with dotted and dotless i made one letter: "IŞIL", "Işıl" and "isil" are
 * the same person to the guard. Length-preserving, so match positions index the original text.
 */
export function fold(text: string): string {
  // Nearly always the whole text lowers to the same length at once; letter by letter otherwise.
  const whole = text.toLocaleLowerCase("tr");
  if (whole.length === text.length) return whole.replace(/ı/g, "i");
  let out = "";
  for (const char of text) {
    const lower = char.toLocaleLowerCase("tr");
    out += lower.length === char.length ? lower : char;
  }
  return out.replace(/ı/g, "i");
}

/** Folded, white space made single spaces, trimmed: how confidential words are compared. */
function foldSpaces(text: string): string {
  return foldSpacesMapped(text.trim()).folded;
}

/** The folded text with runs of white space made one space, and for each of its characters the index it came from. */
function foldSpacesMapped(text: string): { folded: string; original: number[] } {
  const folded = fold(text.normalize("NFC"));
  let out = "";
  const original: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i]!;
    if (/\s/.test(char)) {
      if (out.endsWith(" ")) continue;
      out += " ";
    } else out += char;
    original.push(i);
  }
  return { folded: out, original };
}

/** The bytes as text when they are a text document (no NUL, valid UTF-8); undefined for a binary one (a PDF, an image). */
function readableText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).normalize("NFC");
  } catch {
    return undefined;
  }
}

/** `word` as a whole word: JavaScript's \b knows ASCII letters only, so "Ayşe" needs lookarounds. */
function wordAlternative(words: string[], wordChars: string): string | undefined {
  if (words.length === 0) return undefined;
  const escaped = [...new Set(words.map((word) => fold(word.normalize("NFC")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))].sort((a, b) => b.length - a.length);
  return `(?<![${wordChars}])(?:${escaped.join("|")})(?![${wordChars}])`;
}

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`.replace(/\s+/g, " ");
}

/** The violations as one readable block, for a failing test's message. */
export function describeViolations(violations: readonly PrivacyViolation[]): string {
  const lines = violations.map((v) => `  ${v.method} in chat ${v.chatId}: “${v.matched}” in “${v.excerpt}”${v.why ? ` (confidential: ${v.why})` : ""}`);
  return [
    `privacy guard: ${violations.length} group message(s) named a test person or carried a confidential place:`,
    ...lines,
    "Send names and confidential places privately; if a name is meant to be public, declare it with emulator.privacy.allow(pattern, reason).",
  ].join("\n");
}
