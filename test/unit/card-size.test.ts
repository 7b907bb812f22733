import { beforeAll, describe, expect, it } from "vitest";
import { Translator, type Reader } from "../../src/bot/i18n.ts";
import type { Network } from "../../src/db/client.ts";
import { shortenText, splitIntoMessages } from "../../src/domain/split.ts";
import type { ActionItem } from "../../src/features/actions/service.ts";
import type { CardData } from "../../src/features/invitations/service.ts";
import { renderCard } from "../../src/features/invitations/view.ts";
import type { MeetingWithHost } from "../../src/features/meetings/service.ts";
import { NO_FREE_TEXT } from "../../src/features/members/name-withholder.ts";
import type { OrganisationTally, Tally } from "../../src/features/rsvp/service.ts";
import { parseHtml } from "../../emulator/html.ts";

let tr: Reader;
let en: Reader;
beforeAll(async () => {
  const translator = await Translator.load();
  tr = translator.reader("tr");
  en = translator.reader("en");
});

const now = new Date("2027-01-10T09:00:00Z");
// 150 characters, the longest an organisation name may be; "&" and "<" arrive as typed.
const longName = (i: number) => `${i}. Kadın & Çocuk <Dayanışma> Merkezi ${"Karşıyaka Bayraklı Bornova Buca Çiğli Gaziemir Karabağlar Konak Narlıdere ".repeat(2)}`.slice(0, 150);
// 20 items of 125 characters: the longest agenda a meeting may have (2,500 characters).
const longAgenda = Array.from({ length: 20 }, (_, i) => `${i + 1}. oturum: ${"şiddetle mücadelede kurumlar arası iş birliği ve yönlendirme ".repeat(3)}`.slice(0, 125));
// Ten carried-over items of 1,000 characters, the longest a minutes entry may be.
const longItems: ActionItem[] = Array.from({ length: 10 }, (_, i) => ({
  id: 100 + i,
  meetingId: 1,
  meetingNumber: 24,
  text: `Görev ${i + 1}: ${"raporun taslağını hazırlayıp diğer kurumlarla paylaşmak ".repeat(20)}`.slice(0, 1000),
  ownerUsername: null,
  ownerOrganisation: "Buca",
  dueDate: "2027-02-15",
  doneAt: null,
}));

function organisations(count: number, name: (i: number) => string): OrganisationTally[] {
  return Array.from({ length: count }, (_, i) => ({ organisationId: i + 1, name: name(i + 1), yes: 2, maybe: 1, no: 0, people: 3, waitlisted: 0 }));
}

function tallyOf(byOrganisation: OrganisationTally[]): Tally {
  const sum = (f: (o: OrganisationTally) => number) => byOrganisation.reduce((n, o) => n + f(o), 0);
  return { byOrganisation, yes: sum((o) => o.yes), maybe: sum((o) => o.maybe), no: sum((o) => o.no), people: sum((o) => o.people), waitlisted: 0 };
}

function cardData(options: { agenda?: string[]; items?: ActionItem[]; orgs?: OrganisationTally[]; status?: string; venue?: string; facilitators?: string[] }): CardData {
  const host = { id: 1, name: longName(1) };
  const meeting = {
    id: 7,
    number: 25,
    title: "Kadına Yönelik Şiddetle Mücadelede İş Birliğinin Artırılması",
    agenda: options.agenda ?? ["Açılış"],
    facilitators: options.facilitators ?? [],
    startsAt: new Date("2027-03-17T07:00:00Z"),
    endsAt: new Date("2027-03-17T12:00:00Z"),
    venueName: options.venue ?? "Buca1923 Mevlana Kafe",
    venueAddress: null,
    onlineLink: null,
    hostOrganisationId: 1,
    hostOrganisation: host,
    status: options.status ?? "invited",
    rsvpDeadline: null,
    capacity: 120,
    cancelReason: options.status === "cancelled" ? "Hava koşulları" : null,
  } as unknown as MeetingWithHost;
  const network = { id: 1, name: "İzmir KDM Ağı", seriesTitle: "İzmir KDM Ağı", timeZone: "Europe/Istanbul", locale: "tr" } as unknown as Network;
  return { meeting, network, tally: tallyOf(options.orgs ?? []), carriedOver: options.items ?? [], texts: NO_FREE_TEXT };
}

/** What Telegram would do with the card: parse it (or refuse it) and count what remains. */
function parsed(html: string) {
  return parseHtml(html);
}

describe("the invitation card within Telegram's 4096 characters", () => {
  it("ten long carried-over items, the longest agenda and thirty long organisation names: shortened, valid HTML, tally whole", () => {
    const orgs = organisations(30, longName);
    for (const reader of [tr, en]) {
      const card = renderCard(reader, cardData({ agenda: longAgenda, items: longItems, orgs }), now, NO_FREE_TEXT.group);
      expect(card.text.length).toBeLessThanOrEqual(4096);
      const { text } = parsed(card.text);
      expect(text.length).toBeLessThanOrEqual(4096);
      // Every organisation's counts are still there, and the totals.
      for (let i = 1; i <= 30; i++) expect(text).toMatch(new RegExp(`^• ${i}\\. Kadın & Çocuk <Dayanışma>.*: 3 `, "m"));
      expect(text).toContain(reader.t("card-total", { people: 90, maybe: 30, no: 0 }));
      expect(text).toContain(reader.t("card-places-left", { left: 30 }));
    }
    const text = parsed(renderCard(tr, cardData({ agenda: longAgenda, items: longItems, orgs }), now, NO_FREE_TEXT.group).text).text;
    expect(text).toMatch(/… ve (10|[1-9]) görev daha \(\/actions\)/);
    expect(text).toMatch(/… ve \d+ madde daha \(tamamı için: \/meeting 25\)/);
  });

  it("ten long carried-over items alone: the items are shortened at a word, keeping owner, due date and number", () => {
    const card = renderCard(tr, cardData({ items: longItems }), now, NO_FREE_TEXT.group);
    const { text } = parsed(card.text);
    expect(text.length).toBeLessThanOrEqual(4096);
    const itemLines = text.split("\n").filter((l) => l.startsWith("• Görev"));
    expect(itemLines.length).toBeGreaterThan(0);
    for (const line of itemLines) expect(line).toMatch(/^• Görev \d+: [^—]*\S… — Buca, son tarih: 15 Şubat 2027 \(#1\d\d\) \[24\. toplantı\] · ⚪ Durum bildirilmedi$/);
    const shown = itemLines.length;
    if (shown < 10) expect(text).toContain(`… ve ${10 - shown} görev daha (/actions)`);
    // The agenda had room: it is whole.
    expect(text).toContain("Gündem\n1. Açılış");
  });

  it("a card that fits is not touched", () => {
    const items = longItems.slice(0, 2).map((item) => ({ ...item, text: "Broşür taslağı" }));
    const text = parsed(renderCard(tr, cardData({ agenda: longAgenda.slice(0, 3), items, orgs: organisations(3, longName) }), now, NO_FREE_TEXT.group).text).text;
    expect(text).toContain(`3. ${longAgenda[2]}`);
    expect(text).toContain("• Broşür taslağı — Buca, son tarih: 15 Şubat 2027 (#101) [24. toplantı]");
    expect(text).toContain(`• ${longName(3)}: 3 kişi katılıyor (2 yanıt)`);
    expect(text).not.toContain("…");
  });

  it("a cancelled card with the longest agenda and many long facilitators stays within the limit", () => {
    const facilitators = Array.from({ length: 30 }, (_, i) => `${i}. ${"Kolaylaştırıcı Danışman ".repeat(8)}`.slice(0, 200));
    const card = renderCard(tr, cardData({ agenda: longAgenda, status: "cancelled", facilitators, venue: "x & y ".repeat(33) }), now, NO_FREE_TEXT.group);
    expect(parsed(card.text).text.length).toBeLessThanOrEqual(4096);
    expect(card.keyboard).toBeUndefined();
    expect(parsed(card.text).text).toContain("İPTAL EDİLDİ");
  });
});

describe("shortenText", () => {
  it("cuts at a word boundary and ends with an ellipsis", () => {
    expect(shortenText("Raporun taslağı hazırlanacak", 20)).toBe("Raporun taslağı…");
    expect(shortenText("kısa", 20)).toBe("kısa");
    expect(shortenText("x".repeat(30), 10)).toBe(`${"x".repeat(9)}…`);
    // An emoji is never cut in half.
    expect(shortenText(`${"a".repeat(8)}😀😀`, 10)).toBe(`${"a".repeat(8)}…`);
  });
});

describe("splitIntoMessages with one line longer than a message", () => {
  it("never cuts inside an entity or a tag, and reopens a tag left open", () => {
    const line = `<b>${"Kadın &amp; Çocuk ".repeat(40)}</b>`;
    const messages = splitIntoMessages([line], 100);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(100);
      expect(() => parseHtml(message)).not.toThrow();
      expect(message.startsWith("<b>") && message.endsWith("</b>")).toBe(true);
    }
    expect(messages.map((m) => parseHtml(m).text).join("")).toBe(parseHtml(line).text);
  });
});
