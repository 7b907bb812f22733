import { describe, expect, it } from "vitest";
import { readMeetingField } from "../../src/features/meetings/fields.ts";

describe("the fields /meeting_edit names", () => {
  it.each([
    ["title", "title"],
    ["VENUE", "venue"],
    ["Başlık", "title"],
    ["baslik", "title"],
    ["mekân", "venue"],
    ["KONTENJAN", "capacity"],
    ["son_yanıt", "deadline"],
    ["son-yanit", "deadline"],
    ["çevrim_içi_bağlantı", "online_link"],
    ["İlçe", "district"],
    ["gizli_yer", "venue_private"],
  ])("%s → %s", (word, field) => {
    expect(readMeetingField(word)).toBe(field);
  });

  it.each(["colour", "renk", "", "title2", "son"])("%s is no field", (word) => {
    expect(readMeetingField(word)).toBeUndefined();
  });
});
