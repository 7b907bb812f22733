import { describe, expect, it } from "vitest";
import { newJoinCode, looksLikeJoinCode } from "../../src/domain/join-code.ts";
import { checkName, nameKey, normaliseName } from "../../src/domain/names.ts";

describe("nameKey: Turkish case-insensitive matching", () => {
  it.each([
    ["Buca KDM", "BUCA KDM", true],
    ["İzmir Büyükşehir", "izmir büyükşehir", true],
    ["IŞIK Derneği", "ışık derneği", true],
    ["Işık", "isik", false],
    ["İzmir", "Izmir", false],
    ["Karşıyaka  KDM ", "karşıyaka kdm", true],
    ["Çiğli", "ÇİĞLİ", true],
    ["Bornova", "Bayraklı", false],
  ])("%s ~ %s → %s", (a, b, same) => {
    expect(nameKey(a) === nameKey(b)).toBe(same);
  });

  it("treats composed and decomposed letters alike", () => {
    expect(nameKey("Gu\u0308zelbahçe")).toBe(nameKey("Güzelbahçe"));
  });
});

describe("checkName", () => {
  it("keeps what was typed, trimmed", () => {
    expect(normaliseName("  <b>Kadın</b> & *Dayanışma*  🌷 ")).toBe("<b>Kadın</b> & *Dayanışma* 🌷");
  });
  it.each([
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    ["a".repeat(31), { kind: "too-long", max: 30, length: 31 }],
    ["👩‍👩‍👧".repeat(30), undefined],
  ])("%j → %j", (name, problem) => {
    expect(checkName(name, 30)).toEqual(problem);
  });
});

describe("join codes", () => {
  it("are eight unambiguous letters and digits", () => {
    const code = newJoinCode();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(looksLikeJoinCode(code.toLowerCase())).toBe(true);
    expect(looksLikeJoinCode("ABCD1234")).toBe(false);
  });
});
