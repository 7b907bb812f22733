import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/bot/html.ts";
import { ApiError } from "../../emulator/errors.ts";
import { autoEntities, parseHtml } from "../../emulator/html.ts";

function rejection(source: string): string {
  try {
    parseHtml(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).errorCode).toBe(400);
    return (error as ApiError).description;
  }
  throw new Error(`expected ${source} to be rejected`);
}

describe("emulator HTML parse mode", () => {
  it("turns tags into entities with UTF-16 offsets", () => {
    const parsed = parseHtml("Toplantı <b>25</b> — <i>İzmir 🌷</i> <a href=\"https://example.org\">link</a>");
    expect(parsed.text).toBe("Toplantı 25 — İzmir 🌷 link");
    expect(parsed.entities).toEqual([
      { type: "bold", offset: 9, length: 2 },
      { type: "italic", offset: 14, length: 8 },
      { type: "text_link", offset: 23, length: 4, url: "https://example.org" },
    ]);
  });

  it("decodes the entities Telegram supports", () => {
    expect(parseHtml("a &lt;b&gt; &amp; &quot;c&quot; &#304; &#x131;").text).toBe('a <b> & "c" İ ı');
  });

  it.each([
    ["<foo>x</foo>", /Unsupported start tag "foo"/],
    ["<b>open", /Can't find end tag corresponding to start tag "b"/],
    ["<b>x</i>", /Unmatched end tag .* expected "<\/b>", found "<\/i>"/],
    ["x</b>", /Unexpected end tag/],
    ["a < b", /Unsupported start tag|Unclosed start tag/],
    ["<span>x</span>", /tg-spoiler/],
    ["&nbsp;", /Unsupported HTML entity/],
  ])("rejects %s like Telegram", (source, message) => {
    expect(rejection(source)).toMatch(/^Bad Request: can't parse entities: /);
    expect(rejection(source)).toMatch(message);
  });

  it.each([
    "Buca1923 Mevlana Kafe <Salon & Bahçe>",
    "a < b && c > d",
    "<b>not bold</b> *yıldız* _alt_",
    "İIıi ğüşöç ĞÜŞÖÇ 👩‍👩‍👧",
    "&amp; already escaped &lt;",
  ])("escapeHtml(%s) arrives exactly as typed", (typed) => {
    expect(parseHtml(escapeHtml(typed))).toEqual({ text: typed, entities: [] });
  });

  it("finds commands, mentions and links in plain text", () => {
    expect(autoEntities("/start@ortak_bot hi @someone_x https://t.me/x")).toEqual([
      { type: "bot_command", offset: 0, length: 16 },
      { type: "mention", offset: 20, length: 10 },
      { type: "url", offset: 31, length: 14 },
    ]);
  });
});
