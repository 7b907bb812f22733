import { beforeAll, describe, expect, it } from "vitest";
import { Translator, type Reader } from "../../src/bot/i18n.ts";
import { needsTotalsLine, totalsText } from "../../src/features/needs/view.ts";
import { checkNeedDetail, foldWord, groupTexts, parseNeeds, readNeedTotals, sumNeeds, type NeedsReading } from "../../src/domain/support-needs.ts";
import { needsData } from "../../src/features/needs/callbacks.ts";

const kinds = (reading: NeedsReading) => (reading.kind === "needs" ? reading.needs.map((n) => (n.detail ? `${n.kind}=${n.detail}` : n.kind)) : reading);

describe("parseNeeds", () => {
  it.each([
    ["çocuk bakımı", ["childcare"]],
    ["ÇOCUK BAKIMI", ["childcare"]],
    ["ulaşım", ["transport"]],
    ["ulasim destegi", ["transport"]],
    ["tercüme TİD", ["interpretation_tid"]],
    ["tercüme tid", ["interpretation_tid"]],
    ["tercüme TID", ["interpretation_tid"]],
    ["TİD", ["interpretation_tid"]],
    ["işaret dili", ["interpretation_tid"]],
    ["Türk İşaret Dili", ["interpretation_tid"]],
    ["İŞARET DİLİ", ["interpretation_tid"]],
    ["tercüme kürtçe", ["interpretation_kurdish"]],
    ["tercüme Kürtçe", ["interpretation_kurdish"]],
    ["TERCÜME KÜRTÇE", ["interpretation_kurdish"]],
    ["Kürtçe tercüme", ["interpretation_kurdish"]],
    ["tercüme arapça", ["interpretation_arabic"]],
    ["interpretation arabic", ["interpretation_arabic"]],
    ["erişilebilirlik", ["accessibility"]],
    ["tekerlekli sandalye", ["accessibility"]],
    ["childcare", ["childcare"]],
    ["CHILDCARE", ["childcare"]],
    ["transport", ["transport"]],
    ["wheelchair", ["accessibility"]],
    ["sign language interpreter", ["interpretation_tid"]],
  ])("reads %s", (text, expected) => {
    expect(kinds(parseNeeds(text))).toEqual(expected);
  });

  it("reads several needs, separated by commas, 've'/'and' or spaces, in a fixed order", () => {
    expect(kinds(parseNeeds("ulaşım, çocuk bakımı"))).toEqual(["childcare", "transport"]);
    expect(kinds(parseNeeds("çocuk bakımı ve ulaşım"))).toEqual(["childcare", "transport"]);
    expect(kinds(parseNeeds("childcare and transport wheelchair"))).toEqual(["childcare", "transport", "accessibility"]);
    expect(kinds(parseNeeds("tercüme TİD; tercüme Kürtçe"))).toEqual(["interpretation_tid", "interpretation_kurdish"]);
  });

  it("a text need takes the rest of its part, and parts after it that name no need", () => {
    expect(kinds(parseNeeds("beslenme: vejetaryen"))).toEqual(["diet=vejetaryen"]);
    expect(kinds(parseNeeds("diet: vegan"))).toEqual(["diet=vegan"]);
    expect(kinds(parseNeeds("diet:vegan"))).toEqual(["diet=vegan"]);
    expect(kinds(parseNeeds("beslenme: glutensiz, laktozsuz"))).toEqual(["diet=glutensiz, laktozsuz"]);
    expect(kinds(parseNeeds("beslenme: vejetaryen, ulaşım"))).toEqual(["transport", "diet=vejetaryen"]);
    expect(kinds(parseNeeds("tercüme Farsça, çocuk bakımı"))).toEqual(["childcare", "interpretation_other=Farsça"]);
    expect(kinds(parseNeeds("interpretation: Persian"))).toEqual(["interpretation_other=Persian"]);
    expect(kinds(parseNeeds("tercüme Farsça, tercüme İngilizce"))).toEqual(["interpretation_other=Farsça; İngilizce"]);
    // The forms the answer to unknown words suggests are read too.
    expect(kinds(parseNeeds("TİD (işaret dili) tercümesi, Kürtçe çevirisi"))).toEqual(["interpretation_tid", "interpretation_kurdish"]);
    // Another language in the same order: its name before the word.
    expect(kinds(parseNeeds("Farsça tercüme, çocuk bakımı"))).toEqual(["childcare", "interpretation_other=Farsça"]);
    expect(kinds(parseNeeds("ulaşım Boşnakça tercümesi"))).toEqual(["transport", "interpretation_other=Boşnakça"]);
    // Kept as typed, HTML included: views escape it.
    expect(kinds(parseNeeds("beslenme: <b>helal</b> & glutensiz"))).toEqual(["diet=<b>helal</b> & glutensiz"]);
  });

  it.each(["yok", "YOK", "none", "temizle", "hiçbiri", "Hiçbiri."])("%s clears", (text) => {
    expect(parseNeeds(text)).toEqual({ kind: "clear" });
  });

  it("says which words are unknown, a text need without its text, a text over 200 characters", () => {
    expect(parseNeeds("")).toEqual({ kind: "empty" });
    // Unknown words next to each other are one phrase, as typed; a known need between them parts them.
    expect(parseNeeds("çocuk bakımı, uçak bileti")).toEqual({ kind: "unknown", words: ["uçak bileti"] });
    expect(parseNeeds("uçan  halı ulaşım sihirli değnek, ayakkabı")).toEqual({ kind: "unknown", words: ["uçan  halı", "sihirli değnek", "ayakkabı"] });
    expect(parseNeeds("👶")).toEqual({ kind: "unknown", words: ["👶"] });
    expect(parseNeeds("yok ulaşım")).toEqual({ kind: "unknown", words: ["yok"] });
    expect(parseNeeds("tercüme")).toEqual({ kind: "missing-detail", need: "interpretation_other" });
    expect(parseNeeds("ulaşım, beslenme:")).toEqual({ kind: "missing-detail", need: "diet" });
    expect(parseNeeds(`beslenme: ${"a".repeat(201)}`)).toEqual({ kind: "too-long", need: "diet", length: 201, max: 200 });
    expect(kinds(parseNeeds(`beslenme: ${"ğ".repeat(200)}`))).toEqual([`diet=${"ğ".repeat(200)}`]);
  });
});

describe("folding and details", () => {
  it("folds Turkish casing both ways", () => {
    expect(["TİD", "tid", "TID", "Tid"].map(foldWord)).toEqual(["tid", "tid", "tid", "tid"]);
    expect(["Kürtçe", "KÜRTÇE", "kurtce"].map(foldWord)).toEqual(["kurtce", "kurtce", "kurtce"]);
    expect(foldWord("IŞIK")).toBe("isik");
  });

  it("details are trimmed, spaces folded, and counted in visible characters", () => {
    expect(checkNeedDetail("  helal   ve  glutensiz ")).toEqual({ kind: "ok", detail: "helal ve glutensiz" });
    expect(checkNeedDetail("   ")).toEqual({ kind: "empty" });
    expect(checkNeedDetail("👩‍👧".repeat(200))).toMatchObject({ kind: "ok" });
    expect(checkNeedDetail("👩‍👧".repeat(201))).toEqual({ kind: "too-long", length: 201, max: 200 });
  });
});

describe("totals", () => {
  it("count per kind and list texts sorted, never who", () => {
    const totals = sumNeeds([
      { kind: "childcare" },
      { kind: "diet", detail: "vejetaryen" },
      { kind: "childcare" },
      { kind: "diet", detail: "glutensiz" },
      { kind: "diet", detail: "Vejetaryen" },
    ]);
    expect(totals.counts).toMatchObject({ childcare: 2, diet: 3, transport: 0 });
    expect(totals.texts.diet).toEqual(["glutensiz", "vejetaryen", "Vejetaryen"]);
    expect(groupTexts(totals.texts.diet)).toEqual([
      { text: "glutensiz", count: 1 },
      { text: "vejetaryen", count: 2 },
    ]);
    expect(readNeedTotals(JSON.parse(JSON.stringify(totals)))).toEqual(totals);
    expect(readNeedTotals("nonsense")).toBeUndefined();
    expect(readNeedTotals({ counts: { childcare: -1, transport: "2" }, texts: {} })?.counts).toMatchObject({ childcare: 0, transport: 0 });
  });
});

describe("toggle buttons", () => {
  it("build and read their own shape only", () => {
    const data = needsData.build({ meetingId: 42, action: "interpretation_kurdish" });
    expect(data).toBe("need:42:k");
    expect(needsData.read(data)).toEqual({ meetingId: 42, action: "interpretation_kurdish" });
    expect(needsData.read(needsData.build({ meetingId: 7, action: "clear" }))).toEqual({ meetingId: 7, action: "clear" });
    for (const forged of ["need:42:z", "need:x:c", "need:42:c:1", "need:1234567890:c", "needs:42:c"]) expect(needsData.read(forged)).toBeUndefined();
  });
});

describe("totals as people read them", () => {
  let tr: Reader;
  let en: Reader;
  beforeAll(async () => {
    const translator = await Translator.load();
    tr = translator.reader("tr");
    en = translator.reader("en");
  });

  it("name each need once with its count, texts escaped, grouped and cut short, in both languages", () => {
    const totals = sumNeeds([
      { kind: "interpretation_tid" },
      { kind: "childcare" },
      { kind: "childcare" },
      { kind: "diet", detail: "vejetaryen" },
      { kind: "diet", detail: "Vejetaryen" },
      { kind: "diet", detail: "<b>helal</b> & glutensiz" },
    ]);
    expect(totalsText(tr, totals)).toBe("çocuk bakımı: 2, TİD tercüme: 1, beslenme: 3 (&lt;b&gt;helal&lt;/b&gt; &amp; glutensiz; vejetaryen ×2)");
    expect(totalsText(en, totals)).toBe("childcare: 2, sign language (TİD) interpretation: 1, diet: 3 (&lt;b&gt;helal&lt;/b&gt; &amp; glutensiz; vejetaryen ×2)");
    expect(needsTotalsLine(tr, sumNeeds([]))).toBeUndefined();
    expect(needsTotalsLine(tr, sumNeeds([]), { evenIfNone: true })).toBe("Şu ana kadar destek ihtiyacı bildirilmedi.");
  });

  it("list at most twelve distinct texts, each at most 80 characters", () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ kind: "diet" as const, detail: `${String.fromCharCode(97 + i)} ${"x".repeat(150)}` }));
    const text = totalsText(tr, sumNeeds(many))!;
    expect(text).toMatch(/^beslenme: 14 \(a x+…; b x+…/);
    expect(text).toMatch(/…ve 2 farklı ihtiyaç daha\)$/);
    expect(text.length).toBeLessThan(12 * 82 + 80);
  });
});
