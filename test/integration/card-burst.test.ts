import { describe, expect, it } from "vitest";
import { TELEGRAM_LIMITS } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

const NOW = new Date("2026-11-24T09:00:00Z");
// Telegram's flood limits are on: the card must stay within them by design.
const scenario = useScenario({ clock: () => NOW, limits: TELEGRAM_LIMITS });

const BUTTONS = ["y", "m", "n", "2", "3", "4", "5"] as const;

describe("a burst of 200 presses on one card", () => {
  it("ends with the card equal to the database, no 429, and at most one edit per 3 s", async () => {
    const { emulator, db } = scenario;
    const { admin, group, code } = await scenario.network("Yoğun Ağ");
    const network = await db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } });
    const organisations = await Promise.all(
      ["Buca", "Karşıyaka", "Bornova", "Konak"].map((name, i) =>
        db.prisma.organisation.create({ data: { networkId: network.id, name: `${name} KDM`, shortName: name, nameKey: `${name} kdm`.toLocaleLowerCase("tr"), shortNameKey: name.toLocaleLowerCase("tr"), rotationPosition: i + 1 } }),
      ),
    );
    const people = Array.from({ length: 200 }, (_, i) => emulator.createUser({ first_name: `Üye ${i}`, language_code: "tr" }));
    for (const [i, user] of people.entries()) {
      emulator.setMember(group, user, "member");
      await db.prisma.telegramUser.create({ data: { id: BigInt(user.id), firstName: user.first_name } });
      await db.prisma.member.create({ data: { networkId: network.id, userId: BigInt(user.id), organisationId: organisations[i % 4]!.id } });
    }
    await scenario.say(admin, group, "/meeting_new 17.03.2027 10:00 | Buca | Gündem");
    const { message } = emulator.sendText(admin, group, "/invite 1");
    // The organiser is answered first; the card follows from the outbox.
    await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("1. toplantının davet kartı")), 10_000);
    await scenario.settle();
    const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("1. Toplantı")));
    const meetingId = Number(/^rsvp:(\d+):/.exec(card.reply_markup!.inline_keyboard![0]![0]!.callback_data!)![1]);

    // Replies to the set-up commands above may have met the per-chat limit (and waited it out);
    // from here on the bot must not meet any limit at all.
    const errorsBefore = emulator.servedErrors.length;
    const toasts = await Promise.all(people.map((user, i) => emulator.pressButton(user, group.id, card.message_id, `rsvp:${meetingId}:${BUTTONS[i % BUTTONS.length]}`)));
    expect(toasts.every((t) => t.text?.startsWith("Kaydedildi"))).toBe(true);
    await scenario.settle();

    const rows = await db.prisma.rsvp.findMany({ where: { meetingId }, include: { member: { include: { organisation: true } } } });
    expect(rows).toHaveLength(200);
    const yes = rows.filter((r) => r.status === "yes");
    const lines = organisations.map((o) => {
      const ofOrg = rows.filter((r) => r.member!.organisationId === o.id);
      const attending = ofOrg.filter((r) => r.status === "yes");
      const people = attending.reduce((sum, r) => sum + r.partySize, 0);
      return `• ${o.shortName}: ${people} kişi katılıyor (${attending.length} yanıt) · ${ofOrg.filter((r) => r.status === "maybe").length} kişi belki katılacak`;
    });
    const total = `Toplam: ${yes.reduce((sum, r) => sum + r.partySize, 0)} kişi katılıyor · ${rows.filter((r) => r.status === "maybe").length} kişi belki katılacak · ${rows.filter((r) => r.status === "no").length} kişi katılamıyor`;
    expect(card.text).toContain(["Yanıtlar", ...lines, total].join("\n"));

    expect(emulator.servedErrors.slice(errorsBefore).filter((e) => e.errorCode === 429).map((e) => `${e.method} ${e.chatId}`)).toEqual([]);
    const edits = card.versions.slice(1).map((v) => v.at);
    expect(edits.length).toBeGreaterThan(0);
    for (let i = 1; i < edits.length; i++) expect(edits[i]! - edits[i - 1]!).toBeGreaterThanOrEqual(3000);
    // 200 people pressing at once, under Telegram's limits, on two cores shared with the other test files.
  }, 90_000);
});
