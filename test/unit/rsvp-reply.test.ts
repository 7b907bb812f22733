import { describe, expect, it } from "vitest";
import { parseRsvpReply, type RsvpReading } from "../../src/domain/rsvp-reply.ts";

const yes = (partySize?: number): RsvpReading => (partySize ? { kind: "answer", status: "yes", partySize } : { kind: "answer", status: "yes" });
const maybe = (partySize?: number): RsvpReading => (partySize ? { kind: "answer", status: "maybe", partySize } : { kind: "answer", status: "maybe" });
const no: RsvpReading = { kind: "answer", status: "no" };
const unclear: RsvpReading = { kind: "unclear" };

describe("parseRsvpReply", () => {
  it.each<[string, RsvpReading]>([
    // Turkish: yes
    ["katılıyorum", yes()],
    ["Katılıyorum.", yes()],
    ["KATILIYORUM", yes()],
    ["katiliyorum", yes()],
    ["katılacağım", yes()],
    ["Katılıyoruz, 2 kişi", yes(2)],
    ["katılıyoruz 3 kişiyiz", yes(3)],
    ["geleceğiz 3 kişiyiz", yes(3)],
    ["geliyorum", yes()],
    ["Merhaba, katılacağız 🙂 iki kişi", yes(2)],
    ["evet", yes()],
    ["varım", yes()],
    ["tamam, geliyoruz", yes()],
    ["+1", yes()],
    ["+ 1", yes()],
    // Turkish: no
    ["gelemiyorum", no],
    ["gelemeyeceğim", no],
    ["maalesef katılamayacağım", no],
    ["Maalesef katılamıyoruz", no],
    ["katılamayacağız, 3 kişi", no],
    ["bu sefer gelemiyorum, kusura bakmayın", no],
    ["hayır", no],
    ["katılmayacağım", no],
    // Turkish: maybe
    ["belki", maybe()],
    ["emin değilim", maybe()],
    ["henüz bilmiyorum", maybe()],
    ["belki 2 kişi", maybe(2)],
    ["kesin değil ama belki", maybe()],
    // English
    ["yes", yes()],
    ["Yes!", yes()],
    ["count me in", yes()],
    ["I'll be there", yes()],
    ["we are 4, coming", yes(4)],
    ["tamam, gelemiyorum", no],
    ["yes, 2 people", yes(2)],
    ["attending", yes()],
    ["can't", no],
    ["can't make it", no],
    ["cannot attend, sorry", no],
    ["no", no],
    ["I won't be able to come", no],
    ["maybe", maybe()],
    ["not sure yet", maybe()],
    ["maybe, two people", maybe(2)],
    // Refused: unclear, never guessed
    ["", unclear],
    ["merhaba", unclear],
    ["toplantı kaçta?", unclear],
    ["katılıyor musunuz", unclear],
    ["yer neresi", unclear],
    ["katılıyorum ama belki geç kalırım", unclear],
    ["evet belki", unclear],
    ["+2", unclear],
    ["katılıyoruz 50 kişi", unclear],
    ["katılıyoruz 0 kişi", unclear],
    ["is it online?", unclear],
    ["thanks for the invitation", unclear],
    ["we are 4", unclear],
    ["k".repeat(161), unclear],
  ])("%j → %j", (reply, expected) => {
    expect(parseRsvpReply(reply)).toEqual(expected);
  });
});
