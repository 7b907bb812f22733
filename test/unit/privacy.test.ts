import { describe, expect, it } from "vitest";
import { minutesMarkdown } from "../../src/domain/minutes-document.ts";
import { forgetData } from "../../src/features/privacy/callbacks.ts";
import { attendanceNames, ERASED_PERSON, retireAttendance, RETIRED_NAME, scrubMinutesContent } from "../../src/features/privacy/scrub.ts";
import { scrubStructured, traceScrubber } from "../../src/domain/name-scrub.ts";

const traces = { names: ["Ayşe Yılmaz"], usernames: ["ayse_k"] };

describe("traceScrubber", () => {
  const scrub = traceScrubber(traces, ERASED_PERSON);

  it("replaces the whole name and the @username, case-insensitively for usernames", () => {
    expect(scrub("Gelenler: Ayşe Yılmaz, Derya")).toBe("Gelenler: (silinmiş kişi), Derya");
    expect(scrub("Broşür — @Ayse_K, son tarih")).toBe("Broşür — (silinmiş kişi), son tarih");
  });

  it("leaves longer names, other usernames and a bare first name alone", () => {
    expect(scrub("Ayşe Yılmazer geldi")).toBe("Ayşe Yılmazer geldi");
    expect(scrub("@ayse_kaya ve @ayse_k2")).toBe("@ayse_kaya ve @ayse_k2");
    expect(scrub("Ayşe geldi")).toBe("Ayşe geldi");
  });

  it("finds the username as Markdown escapes it", () => {
    const markdown = minutesMarkdown({ title: "T", facts: [], sections: [{ heading: "Görevler", items: ["Broşür — @ayse_k, 15 Nisan"] }] });
    expect(markdown).toContain("@ayse\\_k");
    const scrubbed = scrub(markdown);
    expect(scrubbed).not.toContain("ayse");
    expect(scrubbed).toContain("Broşür — (silinmiş kişi), 15 Nisan");
  });

  it("matches names case-sensitively, so a first name that is also a word leaves the word alone", () => {
    const ozgur = traceScrubber({ names: ["Özgür"], usernames: [] }, ERASED_PERSON);
    expect(ozgur("özgür irade ve Özgür'ün önerisi")).toBe("özgür irade ve (silinmiş kişi)'ün önerisi");
    expect(ozgur("ÖZGÜR İRADE")).toBe("ÖZGÜR İRADE");
    const deniz = traceScrubber({ names: ["Deniz Yılmaz", "Deniz"], usernames: [] }, ERASED_PERSON);
    expect(deniz("Deniz Yılmaz deniz kenarında buluşmayı önerdi.")).toBe("(silinmiş kişi) deniz kenarında buluşmayı önerdi.");
    expect(deniz("deniz kenarı, Denizli")).toBe("deniz kenarı, Denizli");
    const baris = traceScrubber({ names: ["Barış"], usernames: [] }, ERASED_PERSON);
    expect(baris("barış içinde; Barış geldi")).toBe("barış içinde; (silinmiş kişi) geldi");
  });

  it("uses Unicode word boundaries: letters with marks on either side belong to the word", () => {
    const ayse = traceScrubber({ names: ["Ayşe"], usernames: [] }, ERASED_PERSON);
    expect(ayse("Ayşegül ve ÇAyşe ve Ayşe")).toBe("Ayşegül ve ÇAyşe ve (silinmiş kişi)");
    // The same name typed with a combining cedilla (NFD) is still the name.
    expect(ayse("Ays\u0327e geldi")).toBe("(silinmiş kişi) geldi");
    // A text without the name comes back exactly as given, not normalised.
    expect(ayse("Aye\u0301")).toBe("Aye\u0301");
  });

  it("uses the given label, and changes nothing without traces", () => {
    expect(traceScrubber(traces, "(silinmiş kişi #123456789)")("Ayşe Yılmaz")).toBe("(silinmiş kişi #123456789)");
    expect(traceScrubber({ names: [" "], usernames: [] }, ERASED_PERSON)("Ayşe Yılmaz")).toBe("Ayşe Yılmaz");
  });
});

describe("scrubStructured", () => {
  it("replaces values equal to the name wherever they are, and searches only free-text keys", () => {
    const exact = new Set(["Deniz", "700000001"]);
    const scrub = traceScrubber({ names: ["Deniz"], usernames: [] }, "(x)");
    const value = { name: "Deniz Ağı", taker: "700000001", organiser: "Deniz", text: "Deniz deniz kenarını önerdi", list: ["Deniz", "Derya"] };
    expect(scrubStructured(value, exact, "(x)", scrub, (key) => key === "text")).toEqual({
      name: "Deniz Ağı",
      taker: "(x)",
      organiser: "(x)",
      text: "(x) deniz kenarını önerdi",
      list: ["(x)", "Derya"],
    });
    expect(scrubStructured(null, exact, "(x)", scrub, () => true)).toBeNull();
  });
});

describe("scrubMinutesContent", () => {
  it("gives the person's action items an erased owner, replaces their name in attendance and scrubs texts", () => {
    const content = {
      entries: [
        { number: 1, kind: "action", text: "Ayşe Yılmaz taslağı yazacak", ownerUsername: "AYSE_K", ownerOrganisation: null },
        { number: 2, kind: "action", text: "Salon", ownerUsername: "derya", ownerOrganisation: null },
      ],
      attendance: [{ organisation: "Ayşe Yılmaz Derneği", checkedIn: ["Ayşe Yılmaz", "Derya"], missing: [], unannounced: [] }],
      carriedOver: [{ id: 3, text: "Rapor", ownerUsername: "ayse_k", ownerOrganisation: null }],
    };
    expect(scrubMinutesContent(content, traces)).toEqual({
      entries: [
        { number: 1, kind: "action", text: "(silinmiş kişi) taslağı yazacak", ownerUsername: null, ownerOrganisation: { shortName: "(silinmiş kişi)" } },
        { number: 2, kind: "action", text: "Salon", ownerUsername: "derya", ownerOrganisation: null },
      ],
      // An organisation is not a person: a name inside its name is left alone.
      attendance: [{ organisation: "Ayşe Yılmaz Derneği", checkedIn: ["(silinmiş kişi)", "Derya"], missing: [], unannounced: [] }],
      carriedOver: [{ id: 3, text: "Rapor", ownerUsername: null, ownerOrganisation: "(silinmiş kişi)" }],
    });
    // The stored value itself is not changed.
    expect(content.entries[0]!.ownerUsername).toBe("AYSE_K");
  });
});

describe("retireAttendance", () => {
  const content = {
    entries: [{ number: 1, kind: "note", text: "Açılış konuşmasını Derya yaptı; deniz kenarı önerildi.", ownerUsername: null, ownerOrganisation: null }],
    attendance: [
      { organisation: "Buca", checkedIn: ["Derya", "Ayşe Yılmaz"], missing: ["Deniz"], unannounced: ["Ayşe Yılmaz"], anonymous: 1 },
      { organisation: null, checkedIn: [], missing: ["Nur"], unannounced: [] },
    ],
    carriedOver: [{ id: 3, text: "Nur raporu getirecek", ownerUsername: null, ownerOrganisation: "Buca" }],
  };
  const markdown = "## Katılım\n- Buca (3): Derya, Ayşe Yılmaz, 1 kişi (adı silinmiş)\n## Notlar\n- Açılış konuşmasını Derya yaptı; deniz kenarı önerildi.\n";

  it("keeps the counts per organisation and names nobody, in the attendance or the texts", () => {
    expect(attendanceNames(content)).toEqual(["Derya", "Ayşe Yılmaz", "Deniz", "Nur"]);
    const retired = retireAttendance(markdown, content);
    expect(retired.content).toEqual({
      entries: [{ ...content.entries[0], text: `Açılış konuşmasını ${RETIRED_NAME} yaptı; deniz kenarı önerildi.` }],
      attendance: [
        { organisation: "Buca", checkedIn: [], missing: [], unannounced: [], anonymous: 3 },
        { organisation: null, checkedIn: [], missing: [], unannounced: [] },
      ],
      carriedOver: [{ ...content.carriedOver[0], text: `${RETIRED_NAME} raporu getirecek` }],
    });
    expect(retired.markdown).toBe(`## Katılım\n- Buca (3): ${RETIRED_NAME}, ${RETIRED_NAME}, 1 kişi (adı silinmiş)\n## Notlar\n- Açılış konuşmasını ${RETIRED_NAME} yaptı; deniz kenarı önerildi.\n`);
    // Nothing left to do the second time; the input is not changed.
    expect(retireAttendance(retired.markdown, retired.content)).toEqual(retired);
    expect(content.attendance[0]!.checkedIn).toEqual(["Derya", "Ayşe Yılmaz"]);
  });

  it("takes who came from the database for a version stored before its content was", () => {
    expect(retireAttendance("- Buca (1): Ayşe Yılmaz\n- Ayşe Yılmaz'ın önerisi", {}, ["Ayşe Yılmaz"])).toEqual({
      markdown: `- Buca (1): ${RETIRED_NAME}\n- ${RETIRED_NAME}'ın önerisi`,
      content: {},
    });
  });

  it("leaves a version without attendance names (or without content) as it is", () => {
    expect(retireAttendance("# T", null)).toEqual({ markdown: "# T", content: null });
    const empty = { entries: [], attendance: [], carriedOver: [] };
    expect(retireAttendance("# T", empty)).toEqual({ markdown: "# T", content: empty });
  });
});

describe("forgetData", () => {
  it("reads back what it builds, and nothing else", () => {
    const button = { confirm: true, userId: 700000001, validUntil: 1_800_000_000 };
    expect(forgetData.read(forgetData.build(button))).toEqual(button);
    expect(forgetData.read(forgetData.build({ ...button, confirm: false }))).toEqual({ ...button, confirm: false });
    for (const bad of ["fgt:y:1", "fgt:x:1:2", "fgt:y:-1:2", "fgt:y:1:2:3", "rsvp:1:y"]) expect(forgetData.read(bad), bad).toBeUndefined();
  });
});
