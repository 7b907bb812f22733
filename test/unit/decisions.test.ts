import { describe, expect, it } from "vitest";
import { compareDecisionNumbers, foldForSearch, matchesSearch, parseDecisionNumber, turkishGenitive } from "../../src/domain/decisions.ts";
import { parseObjectionReply } from "../../src/domain/objection.ts";
import { minutesMarkdown, itemsOf } from "../../src/domain/minutes-document.ts";

describe("searching decisions with Turkish folding", () => {
  it.each([
    ["Karşıyaka'da yapılacak", "karsiyaka", true],
    ["İzmir İl Müdürlüğü ile görüşülecek", "IZMIR", true],
    ["İzmir İl Müdürlüğü ile görüşülecek", "izmir", true],
    ["ISPARTA ziyareti", "ısparta", true],
    ["Çiğli KDM'ye broşür", "cigli", true],
    ["Çiğli KDM'ye broşür", "ÇİĞLİ", true],
    ["Güç ilişkileri atölyesi", "guc  iliskileri", true],
    ["Buca Belediyesi", "karsiyaka", false],
    ["Kadın dayanışması", "", true],
    ["Café toplantısı", "cafe", true],
  ])("%s · %s → %s", (text, query, found) => {
    expect(matchesSearch(text, query)).toBe(found);
  });

  it("folds both sides alike: dotted and dotless i, Turkish letters, accents and spaces", () => {
    expect(foldForSearch("  KARŞIYAKA   Kadın\tDayanışma ")).toBe("karsiyaka kadin dayanisma");
    expect(foldForSearch("İZMİR")).toBe(foldForSearch("Izmir"));
    // A decomposed İ (I + combining dot) folds like the composed one.
    expect(foldForSearch("I\u0307zmir")).toBe("izmir");
  });
});

describe("decision numbers", () => {
  it.each([
    ["25/3", { meeting: 25, decision: 3 }],
    [" 27/1 ", { meeting: 27, decision: 1 }],
    ["#25/3", { meeting: 25, decision: 3 }],
    ["25-3", { meeting: 25, decision: 3 }],
    ["25 / 3", { meeting: 25, decision: 3 }],
  ])("reads %s", (raw, expected) => {
    expect(parseDecisionNumber(raw)).toEqual(expected);
  });

  it.each(["25", "25/", "/3", "25/0", "0/3", "25/3/1", "25.3", "yirmibeş/3", "25/12345", "1234567/1", ""])("refuses %j", (raw) => {
    expect(parseDecisionNumber(raw)).toBeUndefined();
  });

  it("orders by meeting, then by number within it", () => {
    expect(compareDecisionNumbers({ meeting: 25, decision: 3 }, { meeting: 27, decision: 1 })).toBeLessThan(0);
    expect(compareDecisionNumbers({ meeting: 25, decision: 4 }, { meeting: 25, decision: 3 })).toBeGreaterThan(0);
    expect(compareDecisionNumbers({ meeting: 25, decision: 3 }, { meeting: 25, decision: 3 })).toBe(0);
  });

  it.each([
    [1, "in"], [2, "nin"], [3, "ün"], [4, "ün"], [5, "in"], [6, "nın"], [7, "nin"], [8, "in"], [9, "un"],
    [10, "un"], [20, "nin"], [30, "un"], [40, "ın"], [50, "nin"], [60, "ın"], [70, "in"], [80, "in"], [90, "ın"],
    [13, "ün"], [26, "nın"], [100, "ün"], [300, "ün"], [1000, "in"], [2000, "in"], [0, "ın"],
  ])("the genitive of %i is '%s, as it is read", (n, suffix) => {
    expect(turkishGenitive(n)).toBe(suffix);
  });
});

describe("reading an objection", () => {
  it.each([
    ["3: karar metni yanlış", { kind: "objection", entry: 3, text: "karar metni yanlış" }],
    ["#3 karar metni yanlış", { kind: "objection", entry: 3, text: "karar metni yanlış" }],
    ["#12: Görev sahibi Karşıyaka değil", { kind: "objection", entry: 12, text: "Görev sahibi Karşıyaka değil" }],
    ["# 4 - tarih hatalı", { kind: "objection", entry: 4, text: "tarih hatalı" }],
    ["3 kişi eksik yazılmış", { kind: "objection", text: "3 kişi eksik yazılmış" }],
    ["Katılımcı sayısı eksik", { kind: "objection", text: "Katılımcı sayısı eksik" }],
    ["  3:   ", { kind: "empty", entry: 3 }],
    ["#7", { kind: "empty", entry: 7 }],
    ["   ", { kind: "empty" }],
  ])("%j", (raw, expected) => {
    expect(parseObjectionReply(raw)).toEqual(expected);
  });

  it("takes 1000 characters and refuses 1001", () => {
    expect(parseObjectionReply("x".repeat(1000)).kind).toBe("objection");
    expect(parseObjectionReply(`2: ${"x".repeat(1001)}`)).toEqual({ kind: "too-long", length: 1001 });
  });
});

describe("labelled sections of the minutes document", () => {
  const decisions = { heading: "Alınan kararlar", items: ["Bir", "İki"], labels: ["25/1", "25/2"], numbered: true };

  it("a decision carries its register number in every rendering, and the Markdown keeps each on its own line", () => {
    expect(itemsOf(decisions)).toEqual([
      { marker: "25/1 —", text: "Bir" },
      { marker: "25/2 —", text: "İki" },
    ]);
    const markdown = minutesMarkdown({ title: "T", facts: [], sections: [decisions], appendix: [{ heading: "Karar kaydı", items: ["Eski"], labels: ["24/1"] }] });
    expect(markdown).toContain("## Alınan kararlar\n\n- **25/1** — Bir\n- **25/2** — İki\n");
    expect(markdown).toContain("## Karar kaydı\n\n- **24/1** — Eski\n");
  });

  it("a labelled text starting with a number is not escaped as a list: the label comes first on its line", () => {
    const markdown = minutesMarkdown({ title: "T", facts: [], sections: [{ heading: "K", items: ["26. toplantı Buca'da\n2. oturum iptal"], labels: ["25/1"] }] });
    expect(markdown).toContain("- **25/1** — 26. toplantı Buca'da\n   2\\. oturum iptal\n");
    // Unlabelled, the first line is escaped as well.
    expect(minutesMarkdown({ title: "T", facts: [], sections: [{ heading: "K", items: ["- madde", "12. satır"] }] })).toContain("- \\- madde\n- 12\\. satır\n");
  });

  it("an empty labelled section shows its empty text", () => {
    expect(minutesMarkdown({ title: "T", facts: [], sections: [{ heading: "K", items: [], labels: [], empty: "Karar alınmadı." }] })).toContain("## K\n\n_Karar alınmadı._\n");
  });
});
