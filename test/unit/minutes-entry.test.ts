import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseMinutesEntry, type MinutesEntry } from "../../src/domain/minutes-entry.ts";

const context = { organisations: ["Buca", "Buca KDM", "KİHD", "Karşıyaka", "Bornova Belediyesi KDM", "Çiğli KDM", "Çiğli Barosu"], zone: "Europe/Istanbul", now: DateTime.fromISO("2027-03-17T12:00:00", { zone: "Europe/Istanbul" }) };

type Expected = { kind: MinutesEntry["kind"]; text?: string; owner?: string; due?: string; missing?: string[]; dueProblem?: string };

function summary(entry: MinutesEntry): Expected {
  switch (entry.kind) {
    case "empty":
      return { kind: "empty" };
    case "note":
    case "decision":
      return { kind: entry.kind, text: entry.text };
    case "action":
      return { kind: "action", text: entry.text, owner: entry.owner.kind === "user" ? `@${entry.owner.username}` : entry.owner.shortName, due: entry.due.toISODate()! };
    case "incomplete-action":
      return {
        kind: "incomplete-action",
        text: entry.text,
        ...(entry.owner ? { owner: entry.owner.kind === "user" ? `@${entry.owner.username}` : entry.owner.shortName } : {}),
        missing: entry.missing,
        ...(entry.dueProblem ? { dueProblem: entry.dueProblem } : {}),
      };
  }
}

describe("minutes entry parser", () => {
  it.each<[string, Expected]>([
    ["Toplantı 10:15'te başladı.", { kind: "note", text: "Toplantı 10:15'te başladı." }],
    ["  Katılımcılar tanıştı  ", { kind: "note", text: "Katılımcılar tanıştı" }],
    ["karar: Bir sonraki toplantı Karşıyaka'da yapılacak", { kind: "decision", text: "Bir sonraki toplantı Karşıyaka'da yapılacak" }],
    ["Karar : Yönerge taslağı kabul edildi", { kind: "decision", text: "Yönerge taslağı kabul edildi" }],
    ["KARAR: İl Müdürlüğüne yazı yazılacak", { kind: "decision", text: "İl Müdürlüğüne yazı yazılacak" }],
    ["decision: adopt the referral protocol", { kind: "decision", text: "adopt the referral protocol" }],
    ["eylem: broşürü bastır @ayse_buca 15 Nisan", { kind: "action", text: "broşürü bastır", owner: "@ayse_buca", due: "2027-04-15" }],
    ["eylem: @ayse_buca broşürü bastır 2027-04-15", { kind: "action", text: "broşürü bastır", owner: "@ayse_buca", due: "2027-04-15" }],
    ["Eylem: sunum hazırla Buca KDM 15.04.2027", { kind: "action", text: "sunum hazırla", owner: "Buca KDM", due: "2027-04-15" }],
    ["eylem: salon ayarla buca 1 Nisan 2027", { kind: "action", text: "salon ayarla", owner: "Buca", due: "2027-04-01" }],
    ["eylem: rapor paylaş KİHD son tarih 20 Mart", { kind: "action", text: "rapor paylaş", owner: "KİHD", due: "2027-03-20" }],
    ["eylem: rapor paylaş kihd 20/03/2027", { kind: "action", text: "rapor paylaş", owner: "KİHD", due: "2027-03-20" }],
    ["action: share the report @john_kihd April 2", { kind: "action", text: "share the report", owner: "@john_kihd", due: "2027-04-02" }],
    ["action: book the hall Karşıyaka by 2027-05-01", { kind: "action", text: "book the hall", owner: "Karşıyaka", due: "2027-05-01" }],
    ["görev: afiş tasarla @zeynep_k 3 Nisan", { kind: "action", text: "afiş tasarla", owner: "@zeynep_k", due: "2027-04-03" }],
    // A date without a year that has passed this year means next year.
    ["eylem: yıllık rapor @ayse_buca 10 Mart", { kind: "action", text: "yıllık rapor", owner: "@ayse_buca", due: "2028-03-10" }],
    // Refused: never guessed.
    ["eylem: broşürü bastır 15 Nisan", { kind: "incomplete-action", text: "broşürü bastır", missing: ["owner"] }],
    ["eylem: broşürü bastır @ayse_buca", { kind: "incomplete-action", text: "broşürü bastır", owner: "@ayse_buca", missing: ["due"] }],
    ["eylem: broşürü bastır @ayse_buca yakında", { kind: "incomplete-action", text: "broşürü bastır yakında", owner: "@ayse_buca", missing: ["due"] }],
    ["eylem: broşürü bastır @ayse_buca 31 Şubat", { kind: "incomplete-action", text: "broşürü bastır 31 Şubat", owner: "@ayse_buca", missing: ["due"], dueProblem: "impossible-date" }],
    // The first words of a short name, as people write it, when they name no other organisation.
    ["eylem: broşürü bastır Bornova 15 Nisan", { kind: "action", text: "broşürü bastır", owner: "Bornova Belediyesi KDM", due: "2027-04-15" }],
    ["görev: salon bul bornova belediyesi 15 Nisan", { kind: "action", text: "salon bul", owner: "Bornova Belediyesi KDM", due: "2027-04-15" }],
    ["görev: broşürü bastır Çiğli 15 Nisan", { kind: "incomplete-action", text: "broşürü bastır Çiğli", missing: ["owner"] }],
    ["görev: broşürü bastır Menemen 15 Nisan", { kind: "incomplete-action", text: "broşürü bastır Menemen", missing: ["owner"] }],
    ["action: do it", { kind: "incomplete-action", text: "do it", missing: ["owner", "due"] }],
    ["eylem:", { kind: "incomplete-action", text: "", missing: ["owner", "due"] }],
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    // "eylem" inside a sentence is a note, not an action.
    ["Eylem planı konuşuldu", { kind: "note", text: "Eylem planı konuşuldu" }],
  ])("%j", (input, expected) => {
    expect(summary(parseMinutesEntry(input, context))).toEqual(expected);
  });
});
