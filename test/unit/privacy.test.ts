import { describe, expect, it } from "vitest";
import { minutesMarkdown } from "../../src/domain/minutes-document.ts";
import { forgetData } from "../../src/features/privacy/callbacks.ts";
import { ERASED_PERSON, scrubMinutesContent } from "../../src/features/privacy/scrub.ts";
import { traceScrubber } from "../../src/domain/name-scrub.ts";

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

  it("uses the given label, and changes nothing without traces", () => {
    expect(traceScrubber(traces, "(silinmiş kişi #123456789)")("Ayşe Yılmaz")).toBe("(silinmiş kişi #123456789)");
    expect(traceScrubber({ names: [" "], usernames: [] }, ERASED_PERSON)("Ayşe Yılmaz")).toBe("Ayşe Yılmaz");
  });
});

describe("scrubMinutesContent", () => {
  it("gives the person's action items an erased owner and scrubs names in attendance and texts", () => {
    const content = {
      entries: [
        { number: 1, kind: "action", text: "Ayşe Yılmaz taslağı yazacak", ownerUsername: "AYSE_K", ownerOrganisation: null },
        { number: 2, kind: "action", text: "Salon", ownerUsername: "derya", ownerOrganisation: null },
      ],
      attendance: [{ organisation: "Buca", checkedIn: ["Ayşe Yılmaz", "Derya"], missing: [], unannounced: [] }],
      carriedOver: [{ id: 3, text: "Rapor", ownerUsername: "ayse_k", ownerOrganisation: null }],
    };
    expect(scrubMinutesContent(content, traces)).toEqual({
      entries: [
        { number: 1, kind: "action", text: "(silinmiş kişi) taslağı yazacak", ownerUsername: null, ownerOrganisation: { shortName: "(silinmiş kişi)" } },
        { number: 2, kind: "action", text: "Salon", ownerUsername: "derya", ownerOrganisation: null },
      ],
      attendance: [{ organisation: "Buca", checkedIn: ["(silinmiş kişi)", "Derya"], missing: [], unannounced: [] }],
      carriedOver: [{ id: 3, text: "Rapor", ownerUsername: null, ownerOrganisation: "(silinmiş kişi)" }],
    });
    // The stored value itself is not changed.
    expect(content.entries[0]!.ownerUsername).toBe("AYSE_K");
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
