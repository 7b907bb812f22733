import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
const now = new Date("2026-11-24T09:00:00Z");

const scenario = useScenario({ clock: () => now });
const { say } = scenario;

// Names as long as they may be (150 characters), with "&" and "<" that must arrive as typed.
const orgName = (i: number) => `${i}. Kadın & Çocuk <Dayanışma> Danışma Merkezi ${"Karşıyaka Bayraklı Bornova Buca Çiğli Gaziemir Karabağlar Konak ".repeat(3)}`.slice(0, 150).trim();
// The longest agenda a meeting may have: 20 items, 2,500 characters.
const agenda = Array.from({ length: 20 }, (_, i) => `${i + 1}. oturum ${"şiddetle mücadelede kurumlar arası iş birliği ve yönlendirme ".repeat(3)}`.slice(0, 124).trim());
// An action item as long as a minutes entry may be (1,000 characters).
const itemText = (i: number) => `Görev ${i}: ${"raporun taslağını hazırlayıp diğer kurumlarla paylaşmak ".repeat(20)}`.slice(0, 1000).trim();

let admin: EmulatedUser;
let group: EmulatedChat;
let networkId: number;

/** The command's answer: every message the bot sent in that chat after it. */
async function listing(user: EmulatedUser, chat: EmulatedChat | "private", command: string): Promise<string[]> {
  const chatId = chat === "private" ? user.id : chat.id;
  const before = Math.max(0, ...scenario.emulator.botMessagesIn(chatId).map((m) => m.message_id));
  await say(user, chat, command);
  await scenario.running.ortak.inFlight.drain();
  const texts = scenario.emulator.botMessagesIn(chatId).filter((m) => m.message_id > before).map((m) => m.text ?? "");
  // What Telegram counts is the text after the parse mode: that is what the emulator stores.
  for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
  return texts;
}

describe("bounded message sizes", () => {
  it("sets up a network with 60 long-named organisations and a meeting with the longest agenda", async () => {
    ({ admin, group } = await scenario.network("Boyut Ağı"));
    await say(admin, group, "/network_set next_number 25");
    for (let i = 1; i <= 60; i++) expect(await say(admin, group, `/org_add ${orgName(i)} | K${i}`)).toContain("eklendi");
    await say(admin, group, "/org_add Buca KDM | Buca");
    await say(admin, group, "/org_add Karşıyaka Kadın Dayanışma | Karşıyaka");
    await say(admin, "private", "/start");
    expect(await say(admin, group, `/meeting_new 17 Mart 2027 10:00 | Salon | ${agenda.join("; ")}`)).toContain("25");
    networkId = (await scenario.db.prisma.network.findFirstOrThrow({ where: { name: "Boyut Ağı" } })).id;
    expect(await scenario.db.prisma.organisation.count({ where: { networkId } })).toBe(62);
  });

  it("/orgs is split between lines: every organisation once, each on a whole line", async () => {
    const texts = await listing(admin, group, "/orgs");
    expect(texts.length).toBeGreaterThan(1);
    const lines = texts.flatMap((t) => t.split("\n"));
    for (let i = 1; i <= 60; i++) {
      expect(lines.filter((l) => l.startsWith(`${i}. ${orgName(i)} (K${i}),`))).toHaveLength(1);
    }
  });

  it("/rotation is split between lines: every organisation once, each on a whole line", async () => {
    const texts = await listing(admin, group, "/rotation");
    expect(texts.length).toBeGreaterThan(1);
    const lines = texts.flatMap((t) => t.split("\n"));
    // The first is being asked to host meeting 25 (the others have not hosted yet), so it is listed last.
    expect(lines.filter((l) => l.endsWith(`. ${orgName(1)} — 25. toplantının ev sahipliği için yanıtı bekleniyor`))).toHaveLength(1);
    for (let i = 2; i <= 60; i++) expect(lines.filter((l) => l.endsWith(`. ${orgName(i)} — henüz ev sahipliği yapmadı`))).toHaveLength(1);
  });

  it("/audit 50 is split between lines: fifty whole entries", async () => {
    const texts = await listing(admin, "private", "/audit 50");
    expect(texts.length).toBeGreaterThan(1);
    const lines = texts.flatMap((t) => t.split("\n"));
    const entries = lines.filter((l) => /^\d\d\.\d\d\.\d{4} \d\d:\d\d: /.test(l));
    expect(entries).toHaveLength(50);
    // The newest entries are the last organisations added, each named in full.
    for (let i = 60; i > 15; i--) expect(entries.filter((l) => l.includes(orgName(i)))).not.toHaveLength(0);
  });

  it("/rsvps is split; the long list of organisations that have not answered arrives whole, across messages", async () => {
    const texts = await listing(admin, "private", "/rsvps 25");
    expect(texts.length).toBeGreaterThan(1);
    const joined = texts.join("").replace(/\s+/g, "");
    for (let i = 1; i <= 60; i++) expect(joined).toContain(orgName(i).replace(/\s+/g, ""));
    expect(texts.at(-1)).toContain("Toplam: 0 kişi katılıyor");
  });

  it("ten long carried-over items: /meeting is split between lines, the card stays within the limit and says what it left out", async () => {
    const meeting25 = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { networkId, number: 25 } });
    const buca = await scenario.db.prisma.organisation.findFirstOrThrow({ where: { networkId, shortName: "Buca" } });
    await scenario.db.prisma.minutes.create({
      data: {
        meetingId: meeting25.id,
        nextEntryNumber: 11,
        entries: {
          create: Array.from({ length: 10 }, (_, i) => ({ number: i + 1, kind: "action" as const, text: itemText(i + 1), ownerOrganisationId: buca.id, dueDate: "2027-04-15", publishedAt: now })),
        },
      },
    });
    expect(await say(admin, group, `/meeting_new 14 Nisan 2027 10:00 | Salon | ${agenda.join("; ")}`)).toContain("26");

    const details = await listing(admin, group, "/meeting 26");
    expect(details.length).toBeGreaterThan(1);
    const lines = details.flatMap((t) => t.split("\n"));
    for (const item of agenda) expect(lines.filter((l) => l.endsWith(`. ${item}`))).toHaveLength(1);
    for (let i = 1; i <= 10; i++) expect(lines.filter((l) => l.startsWith(`• ${itemText(i)} — Buca, son tarih: 15 Nisan 2027`))).toHaveLength(1);

    const before = Math.max(...scenario.emulator.botMessagesIn(group.id).map((m) => m.message_id));
    await say(admin, group, "/invite 26");
    await scenario.settle();
    const card = scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > before && m.text?.startsWith("26. Toplantı"));
    expect(card).toBeDefined();
    const text = card!.text!;
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toContain("Önceki toplantılardan bekleyen görevler");
    expect(text).toMatch(/… ve \d+ (görev|madde) daha/);
    expect(text).toContain("Yanıtlar\nHenüz yanıt yok.\nToplam: 0 kişi katılıyor");
    expect(card!.reply_markup?.inline_keyboard?.[0]).toHaveLength(3);
    expect((await scenario.db.prisma.postedCard.count({ where: { meeting: { networkId, number: 26 }, kind: "group" } }))).toBe(1);
  });

  it("/meetings is split between lines: every meeting once", async () => {
    const venue = (n: number) => `${n}. Salon ${"Buca1923 Mevlana Kafe & Kültür <Merkezi> Toplantı Odası ".repeat(4)}`.slice(0, 200).trim();
    for (let n = 27; n <= 46; n++) expect(await say(admin, group, `/meeting_new ${n - 26} Mayıs 2027 10:00 | ${venue(n)} | Açılış`)).toContain(`${n}`);
    const texts = await listing(admin, group, "/meetings");
    expect(texts.length).toBeGreaterThan(1);
    const lines = texts.flatMap((t) => t.split("\n"));
    for (let n = 27; n <= 46; n++) expect(lines.filter((l) => l.startsWith(`${n}. toplantı: `) && l.includes(venue(n)))).toHaveLength(1);
    for (const n of [25, 26]) expect(lines.filter((l) => l.startsWith(`${n}. toplantı: `))).toHaveLength(1);
  });

  it("the done toast of a long action item is shortened at a word to 200 characters", async () => {
    const texts = await listing(admin, "private", "/actions");
    expect(texts.length).toBeGreaterThan(1);
    const withButtons = scenario.emulator.botMessagesIn(admin.id).filter((m) => m.reply_markup?.inline_keyboard?.some((row) => row.some((b) => b.callback_data?.startsWith("done:")))).at(-1)!;
    const data = withButtons.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.startsWith("done:"))!.callback_data!;
    const answer = await scenario.emulator.pressButton(admin, admin.id, withButtons.message_id, data);
    await scenario.running.ortak.inFlight.drain();
    expect(answer.text!.length).toBeLessThanOrEqual(200);
    expect(answer.text).toMatch(/^✅ Tamamlandı: Görev \d+: raporun taslağını .*\S…$/);
    // Cut at a word: what precedes the ellipsis is a whole word of the item.
    const shown = answer.text!.slice("✅ Tamamlandı: ".length, -1);
    expect(itemText(Number(/Görev (\d+)/.exec(shown)![1])).startsWith(shown)).toBe(true);
    expect(itemText(1).charAt(shown.length)).toBe(" ");
    expect(await scenario.db.prisma.minutesEntry.count({ where: { doneAt: { not: null } } })).toBe(1);
  });
});
