import type { RsvpStatus } from "../rsvp-reply.ts";
import { words } from "./plain-text.ts";
import type { Strength } from "./signals.ts";

interface Phrase {
  pattern: RegExp;
  status: RsvpStatus;
  strength: Strength;
}
const phrase = (status: RsvpStatus, strength: Strength, ...alternatives: string[]): Phrase => ({ pattern: words(...alternatives), status, strength });

// Phrases without a verb of attending, read as the sender's own words. Strong ones decide; weak
// ones ("tamam", "maalesef") only when nothing strong is said.

// Formal and nominal answers, and "not missing it".
const ACCEPTING = phrase("yes", "strong",
  "olumlu(?:dur|yuz|yum)?", "varim", "variz", "oradayim", "oradayiz", "memnuniyetle", "seve seve", "katilim(?:imiz|im)? var",
  // "bu toplantıyı kaçırmam" is coming, "kaçırmam gerekecek" is having to miss it.
  "kacirmam(?! (?:gerek|lazim|mumkun))", "kacirmayiz", "kacirmayacagi[mz]",
  "count me in", "see you (?:there|then|at the meeting)", "(?:i am|we are) in$", "would not miss (?:it|this)", "accept(?:ed|ing)?");

// A "yes" on its own, an acknowledgement next to a refusal ("tamam, gelemiyorum") or a doubt.
const AGREEING_WORDS = phrase("yes", "weak",
  "evet", "tamam", "tamamdir", "tmm", "peki", "^(?:tamam |evet )?olur$", "tabii?(?: ?ki)?", "elbette", "kesinlikle",
  "musaitim", "musaitiz", "uygunum", "uygunuz", "teyit (?:edi|eder)\\p{L}*", "onayl(?:iyor|ar)\\p{L}*",
  // "katılmak isteriz" is the polite yes, yet "katılmak isterim ama izinliyim" is a no.
  "(?:gel|katil|yetis|bulun|sagla)(?:[ae]?bil)?m[ae](?:k|y[iu])(?: \\p{L}+)? (?:istiyor|ister)(?:um|uz|im|iz)",
  "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "okey", "oki", "of course", "definitely", "absolutely", "certainly",
  "sounds good", "looking forward", "can not wait", "(?:i )?confirm(?:ed|ing)?");

// Refusals, and reasons that can only mean one: leave, illness, another appointment.
const REFUSING = phrase("no", "strong",
  "hayir", "olumsuz(?:dur|uz|um)?", "yokum", "yokuz", "imkansiz", "olanaksiz", "uymuyor", "uymayacak", "cakisiyor",
  "^(?:(?:maalesef|ne yazik ki|bu (?:sefer|kez|defa)|bizden|benden|bizim icin|benim icin) )*yok$",
  "(?:katilim|katilimimiz|katilimim|katilan|katilimci|gelen|kimse)(?: \\p{L}+)? yok",
  "^(?:(?:maalesef|ne yazik ki|bu (?:sefer|kez|defa)|bana|bize|benim icin|bizim icin) )*(?:olmuyor|olmayacak|olamayacak|olmaz)$",
  "mumkun (?:degil|olmayacak|olmuyor|gorunmuyor|olamayacak|olmadi)", "(?:musait|uygun) degil(?:im|iz)?",
  "izinli(?:yim|yiz)", "izinde(?:yim|yiz)", "raporlu(?:yum|yuz)", "tatilde(?:yim|yiz)", "(?:sehir|yurt) disinda(?:yim|yiz)",
  "hastayim", "rahatsizim", "isim (?:cikti|var)", "baska (?:bir )?(?:toplanti|program|etkinlik|randevu|gorev)\\p{L}* (?:var|denk|cakis)\\p{L}*",
  "(?:gel|katil|yetis|bulun|sagla)m[ae](?:k|y[iu])(?: \\p{L}+)? istemi\\p{L}*", "\\p{L}+m[ae]y[iu](?: \\p{L}+)? (?:dusunmu|planlami)\\p{L}*",
  "pas(?: gec\\p{L}*)?", "kacirmam(?:iz)? (?:gerek|lazim)\\p{L}*", "kacir(?:acagi[mz]|iyorum|iyoruz|icam|icaz)",
  "(?:pek |hic )?(?:sanmiyorum|sanmam)", "ihtimal\\p{L}* (?:yok|sifir)",
  "no", "nope", "count me out", "(?:i am|we are) out$", "(?:i am )?afraid not", "declin\\p{L}*", "(?:will|have to|must|going to) miss",
  "not available", "unavailable", "out of (?:town|office|the country)", "on (?:leave|holiday|vacation)", "not this time",
  "do not think so", "another (?:meeting|appointment|commitment|engagement)", "prior commitment",
  "(?:i will|i must|i have to|i am going to) pass", "pass this time");

// Regret words: a refusal on their own, but "maalesef katılacağız" is not clear.
const REGRETTING = phrase("no", "weak", "maalesef", "ne yazik ki", "uzulerek", "isterdi(?:m|k)",
  "unfortunately", "sadly", "regretfully", "would have loved");

// Not knowing, trying, depending, thinking about it: neither promised nor refused.
const DOUBTING = phrase("maybe", "strong",
  "belki", "muhtemelen", "buyuk (?:ihtimal|olasilik)(?:la)?", "kuvvetle muhtemel", "olasilikla", "galiba", "sanirim", "herhalde",
  "umarim", "saniyorum", "zannediyorum", "dusunuyorum", "ihtimal\\p{L}*(?! (?:yok|sifir))", "olabilir", "belirsiz", "kararsiz\\p{L}*",
  "(?:henuz |simdilik |su an )?(?:belli|kesin|net) degil\\p{L}*", "belli (?:olmadi|olmuyor|olur|olacak)", "(?:emin|kesin) degil\\p{L}*",
  "kesinlesmedi", "netlesmedi", "netlesince", "kesinlesince", "belli olunca", "bil(?:mi|emi)yor(?:um|uz)", "niyetindeyi[mz]",
  "soz vere(?:mem|miyorum|meyecegim)", "50 50", "yuzde (?:elli|50)", "zor (?:gorunuyor|gibi|olacak)",
  "(?:gel|katil)m[ae]m(?:iz)? (?:biraz |cok |pek )?zor", "elimden geleni",
  // Trying, planning, hoping: "gelmeye çalışacağım", "katılmayı düşünüyoruz".
  "\\p{L}+m[ae]y[ae](?: \\p{L}+)? (?:calis|gayret|ugras|ozen)\\p{L}*",
  "\\p{L}+m[ae]y[iu](?: \\p{L}+)? (?:dusunu|dusune|planli|planlay|umuyor|umar)\\p{L}*",
  // Depending: "duruma göre"; "…yoğunluğuna bağlı" at the end, while "belediyeye bağlı KDM" is only affiliated.
  "durum\\p{L}* gore", "\\p{L}+[aeiu] bagli(?:dir)?$",
  // Answering later: "haber vereceğim", "takvime bakıp döneceğim".
  "(?:haber|bilgi) (?:verecegi[mz]|veririm|veririz|vericem|vericez)", "donus (?:yapacagi[mz]|yaparim|yapariz|yapicam)",
  "bildirecegi[mz]", "teyit edecegi[mz]", "(?:sonra|daha sonra|yarin) (?:yazarim|yazacagim|yazicam|bildiririm|donerim|soylerim)",
  "donecegi[mz]", "donerim", "doneriz", "bakacagi[mz]", "bakariz", "bakarim", "bakalim", "bakicam", "bakayim", "bakip \\p{L}+",
  "gorecegi[mz]", "gorelim", "goruruz", "dusunecegi[mz]", "dusuneyim", "kontrol edip \\p{L}+", "(?:takvim|ajanda|program)\\p{L}* bak\\p{L}*",
  "maybe", "perhaps", "possibly", "probably", "hopefully", "might", "likely", "unlikely", "not sure", "unsure", "not certain",
  "uncertain", "do not know", "no idea", "tbc", "tbd", "tentative\\p{L}*", "will try", "try to", "trying to", "hope to",
  "depend\\p{L}*", "let you know", "confirm later", "get back to you", "undecided", "not decided", "if possible",
  "fingers crossed", "fifty fifty", "let me check", "i will check", "check my (?:calendar|schedule|diary)");

export const PHRASES: Phrase[] = [ACCEPTING, AGREEING_WORDS, REFUSING, REGRETTING, DOUBTING];

// Words that look like an answer but are not one: "no problem", "sorun yok".
export const NOT_AN_ANSWER = new RegExp(words("no (?:problem|worries|issue)s?", "(?:sorun|problem|mahsur|sakinca)(?:u|si)? yok").source, "gu");

// Taking note of the message is not accepting it: "Ok, noted", "tamam, not aldım".
export const NOTED = words("noted", "received", "got it", "not (?:aldim|aldik|edildi|ettim|ettik)", "bilgi (?:aldim|edindim|edindik)", "bilgim oldu",
  "haberim oldu", "bilgilendirme icin");
