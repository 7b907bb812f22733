import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Minutes entries and action items are free text: who said or owes what is for organisers.
// Everywhere such a text reaches a group, or a member who does not own it, members' names are
// withheld; the privacy guard fails this file on any name that reaches a group.

// Tuesday 24 November 2026 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00–15:00.
let now = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => now });
const { say } = scenario;

const WITHHELD = "(isim gizlendi)";
const OPENING = "Açılış konuşmasını Ayşe Yılmaz yaptı.";
const OWN_TASK = "Ayşe Yılmaz broşür taslağını hazırlayacak";
const OTHER_TASK = "Derya Hanım ile salon için teşekkür yazısı";

let admin: EmulatedUser;
let member: EmulatedUser;
let group: EmulatedChat;

/** The text of a posted invitation card of meeting 26, as its reader sees it now. */
async function card26(kind: "group" | "direct", chatId: number): Promise<string> {
  const row = await scenario.db.prisma.postedCard.findFirstOrThrow({ where: { kind, telegramChatId: BigInt(chatId), meeting: { number: 26 } } });
  return scenario.emulator.botMessagesIn(chatId).find((m) => m.message_id === row.messageId)!.text ?? "";
}

describe("members' names in entry and task texts", () => {
  it("sets up meeting 25 with an entry and two tasks that name members", async () => {
    ({ admin, member, group } = await scenario.networkWithMeeting("İzmir Gizlilik Ağı", "Açılış"));

    now = new Date("2027-03-17T07:00:01Z");
    expect(await say(admin, "private", "/minutes 25")).toContain("25. toplantının tutanağı");
    expect(await say(admin, "private", OPENING)).toBe("✍️ 1 numaralı kayıt eklendi.");
    expect(await say(admin, "private", "karar: Ayşe'nin önerisi kabul edildi.")).toBe("✍️ 2 numaralı kayıt eklendi.");
    expect(await say(admin, "private", `eylem: ${OWN_TASK} @${member.username} 15 Nisan`)).toBe("✍️ 3 numaralı kayıt eklendi.");
    expect(await say(admin, "private", `eylem: ${OTHER_TASK} Karşıyaka 20 Nisan`)).toBe("✍️ 4 numaralı kayıt eklendi.");
  });

  it("the group's /minutes card withholds the names; the organiser privately sees them", async () => {
    const card = await say(admin, group, "/minutes 25");
    expect(card).toContain(`1. Açılış konuşmasını ${WITHHELD} yaptı.`);
    expect(card).toContain(`${WITHHELD}'nin önerisi kabul edildi.`);
    expect(card).toContain(`${WITHHELD} broşür taslağını hazırlayacak — bir kişi`);
    expect(card).toContain(`${WITHHELD} Hanım ile salon için teşekkür yazısı — Karşıyaka`);
    expect(card).not.toMatch(/Ayşe|Yılmaz|Derya/);

    const own = await say(admin, "private", "/minutes 25");
    expect(own).toContain(OPENING);
    expect(own).toContain("Ayşe'nin önerisi kabul edildi.");
    expect(own).toContain(`${OWN_TASK} — @${member.username}`);
    expect(own).toContain(OTHER_TASK);
    expect(own).not.toContain(WITHHELD);
  });

  it("a minute-taker who is not an organiser sees what they wrote, or own, as written, and the rest withheld", async () => {
    const { message } = scenario.emulator.sendText(member, group, "Tutanağı ben tutarım.");
    await say(admin, group, "/minutes_taker 25", { replyTo: message.message_id });
    await say(member, "private", "/minutes 25");
    expect(await say(member, "private", "Kapanışı Ayşe Yılmaz yaptı.")).toBe("✍️ 5 numaralı kayıt eklendi.");
    const draft = await say(member, "private", "/minutes 25");
    expect(draft).toContain(`1. Açılış konuşmasını ${WITHHELD} yaptı.`);
    expect(draft).toContain(OWN_TASK);
    expect(draft).toContain(`${WITHHELD} Hanım ile salon`);
    expect(draft).toContain("5. Kapanışı Ayşe Yılmaz yaptı.");
    // Others' tasks do not tell her who owns them either.
    expect(draft).not.toContain(`@${admin.username}`);
  });

  it("published, the next meeting's group card withholds the names; each member's own card shows only their own task as written", async () => {
    // The organiser's own copy arrives before the confirmation.
    const { message } = scenario.emulator.sendText(admin, "private", "/minutes_publish 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(admin.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("📣")));
    await scenario.settle();
    const groupCopy = scenario.emulator.botMessagesIn(group.id).map((m) => m.text ?? "").join("\n");
    expect(groupCopy).toContain(`• Açılış konuşmasını ${WITHHELD} yaptı.`);
    now = new Date("2027-03-20T09:00:00Z");
    await say(admin, group, "/meeting_new 14 Nisan 2027 10:00 | Karşıyaka Evi | Tutanak onayı");
    await say(admin, group, "/invite 26");
    await scenario.settle();

    const groupCard = await card26("group", group.id);
    expect(groupCard).toContain(`${WITHHELD} broşür taslağını hazırlayacak — bir kişi`);
    expect(groupCard).toContain(`${WITHHELD} Hanım ile salon için teşekkür yazısı — Karşıyaka`);

    const memberCard = await card26("direct", member.id);
    expect(memberCard).toContain(`${OWN_TASK} — bir kişi`);
    expect(memberCard).toContain(`${WITHHELD} Hanım ile salon için teşekkür yazısı — Karşıyaka`);
    expect(memberCard).not.toContain("Derya");

    const organiserCard = await card26("direct", admin.id);
    expect(organiserCard).toContain(OWN_TASK);
    expect(organiserCard).toContain(OTHER_TASK);

    // An answer re-renders every card: each stays as its reader may see it.
    const groupCardRow = await scenario.db.prisma.postedCard.findFirstOrThrow({ where: { kind: "group", telegramChatId: BigInt(group.id), meeting: { number: 26 } } });
    const yes = scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id === groupCardRow.messageId)!.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    await scenario.emulator.pressButton(member, group.id, groupCardRow.messageId, yes);
    await scenario.settle();
    expect(await card26("group", group.id)).toContain(`${WITHHELD} broşür taslağını hazırlayacak`);
    expect(await card26("direct", member.id)).toContain(OWN_TASK);
    expect(await card26("direct", member.id)).toContain(`${WITHHELD} Hanım ile salon`);
  });

  it("/meeting 26 in the group withholds the names; privately the organiser sees them and a member only their own", async () => {
    const inGroup = await say(member, group, "/meeting 26");
    expect(inGroup).toContain(`${WITHHELD} broşür taslağını hazırlayacak`);
    expect(inGroup).toContain(`${WITHHELD} Hanım ile salon`);

    const organiser = await say(admin, "private", "/meeting 26");
    expect(organiser).toContain(OWN_TASK);
    expect(organiser).toContain(OTHER_TASK);

    const own = await say(member, "private", "/meeting 26");
    expect(own).toContain(OWN_TASK);
    expect(own).toContain(`${WITHHELD} Hanım ile salon`);
  });

  it("/actions and /done in the group withhold the names; privately the organiser sees them", async () => {
    const listed = await say(admin, group, "/actions");
    expect(listed).toContain(`${WITHHELD} broşür taslağını hazırlayacak`);
    expect(listed).toContain(`${WITHHELD} Hanım ile salon`);
    expect(await say(member, group, "/actions")).toContain(`${WITHHELD} broşür taslağını hazırlayacak`);

    const privately = await say(admin, "private", "/actions");
    expect(privately).toContain(OWN_TASK);
    expect(privately).toContain(OTHER_TASK);
    expect(await say(member, "private", "/actions")).toContain(OWN_TASK);

    const task = await scenario.db.prisma.minutesEntry.findFirstOrThrow({ where: { kind: "action", text: OTHER_TASK } });
    const done = await say(admin, group, `/done ${task.id}`);
    expect(done.startsWith(`✅ Tamamlandı: ${WITHHELD} Hanım ile salon için teşekkür yazısı — Karşıyaka`)).toBe(true);
    expect(done).toContain(`(#${task.id})`);
    expect(await say(admin, "private", `/done ${task.id}`)).toContain(OTHER_TASK);
  });
});
