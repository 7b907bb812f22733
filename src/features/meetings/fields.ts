import { MEETING_FIELDS, type MeetingField } from "./service.ts";

// The Turkish names the usage text shows beside each field, folded as foldFieldName folds.
const TURKISH_NAMES: Record<string, MeetingField> = {
  baslik: "title",
  yer: "venue",
  mekan: "venue",
  adres: "address",
  ilce: "district",
  gizli_yer: "venue_private",
  gizli: "venue_private",
  gundem: "agenda",
  kolaylastiricilar: "facilitators",
  kolaylastirici: "facilitators",
  sure: "duration",
  kontenjan: "capacity",
  son_yanit: "deadline",
  son_yanit_tarihi: "deadline",
  baglanti: "online_link",
  cevrimici_baglanti: "online_link",
  cevrim_ici_baglanti: "online_link",
};

/** Lower case the Turkish way, Turkish letters (circumflexed ones too: "mekân") as ASCII, "-" as "_": "Başlık" and "baslik" meet. */
function foldFieldName(word: string): string {
  return word
    .normalize("NFC")
    .toLocaleLowerCase("tr-TR")
    .replace(/ı/g, "i").replace(/ş/g, "s").replace(/ğ/g, "g").replace(/ü/g, "u").replace(/ö/g, "o").replace(/ç/g, "c")
    .replace(/â/g, "a").replace(/î/g, "i").replace(/û/g, "u")
    .replace(/-/g, "_");
}

/** The field `/meeting_edit` names, in English as documented or in Turkish as the usage text shows it. */
export function readMeetingField(word: string): MeetingField | undefined {
  const folded = foldFieldName(word);
  return (MEETING_FIELDS as readonly string[]).includes(folded) ? (folded as MeetingField) : TURKISH_NAMES[folded];
}
