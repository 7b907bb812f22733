import { describe, expect, it } from "vitest";
import { splitIntoMessages } from "../../src/domain/split.ts";

describe("splitIntoMessages", () => {
  it("keeps short text in one message", () => {
    expect(splitIntoMessages(["a", "b"], 10)).toEqual(["a\nb"]);
  });
  it("breaks between lines, never inside one that fits", () => {
    expect(splitIntoMessages(["aaaa", "bbbb", "cccc"], 9)).toEqual(["aaaa\nbbbb", "cccc"]);
  });
  it("every message stays within the limit and nothing is lost", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `• Üye ${i} (@kullanici_${i}): özelden ulaşılabilir`);
    const messages = splitIntoMessages(lines, 4096);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.length <= 4096)).toBe(true);
    expect(messages.join("\n")).toBe(lines.join("\n"));
  });
  it("cuts a single over-long line at the limit", () => {
    expect(splitIntoMessages(["x".repeat(25)], 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });
});
