import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage, TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const say = (user: EmulatedUser, chat: EmulatedChat | "private", text: string) => sayTo(emulator, user, chat, text);
const cardsIn = (chatId: number, number: number): StoredMessage[] => emulator.botMessagesIn(chatId).filter((m) => m.text?.startsWith(`${number}. Toplantı`));

/** The Yanıtlar part of a card: what the group sees of the answers. */
const answersOf = (card: StoredMessage) => card.text!.slice(card.text!.indexOf("Yanıtlar"));

describe("people leaving and being forgotten, through the running bot", () => {
  it("a member who left gets nothing from the next /invite; a forgotten member is gone from the CSV while the card's totals stay", async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates");
      const derya = emulator.createUser({ first_name: "Derya", username: "derya_koord", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", last_name: "Yılmaz", username: "ayse_buca", language_code: "tr" });
      const nur = emulator.createUser({ first_name: "Nurhan", last_name: "Kaya", username: "nurhan_buca", language_code: "tr" });
      const group = emulator.createGroup({ title: "İzmir KDM Ağı", members: [{ user: derya, status: "creator" }, { user: ayse }, { user: nur }] });

      await say(derya, "private", "/start");
      expect(await say(derya, group, "/setup İzmir KDM Ağı")).toContain("Ağ kodunu ve üyeler için ağa katılma bağlantısını size özel mesajla gönderdim");
      // The organiser works privately, which leaves the group's message budget to the card's edits.
      await say(derya, "private", "/network_set next_number 25");
      await say(derya, "private", "/org_add Buca Belediyesi KDM | Buca");
      for (const person of [ayse, nur]) {
        await say(person, "private", "/start");
        await say(person, group, "/whoami");
        await say(derya, "private", `/member_set_org @${person.username} Buca`);
      }
      await say(derya, "private", "/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji");
      await say(derya, "private", "/meeting_new 14 Nisan 2027 10:00 | Karşıyaka | Güç İlişkileri");

      // Meeting 25 goes out; both members answer.
      await say(derya, "private", "/invite 25");
      await emulator.waitFor(() => cardsIn(ayse.id, 25).length === 1 && cardsIn(nur.id, 25).length === 1, 15_000, "both invitation DMs");
      expect(await say(ayse, "private", "/rsvp 25 evet 2")).toMatch(/^Kaydedildi/);
      expect(await say(nur, "private", "/rsvp 25 belki")).toMatch(/^Kaydedildi/);

      // Nurhan leaves the group: the organiser is told privately, and meeting 26 reaches only Ayşe.
      emulator.leaveChat(group, nur);
      await emulator.waitFor(() => emulator.botMessagesIn(derya.id).find((m) => m.text?.includes("Nurhan Kaya (@nurhan_buca)")), 15_000, "the organiser told");
      await say(derya, "private", "/invite 26");
      await emulator.waitFor(() => cardsIn(ayse.id, 26).length === 1, 15_000, "Ayşe's invitation to 26");
      expect(cardsIn(nur.id, 26)).toHaveLength(0);
      expect(await say(nur, "private", "/meeting 26")).toMatch(/^Artık İzmir KDM Ağı ağının üyesi değilsiniz/);

      // Ayşe asks to be forgotten and confirms.
      const groupCard = () => cardsIn(group.id, 25)[0]!;
      // Both answers (Ayşe's yes for two, Nurhan's maybe) are on the card before it is compared.
      await emulator.waitFor(() => answersOf(groupCard()).includes("Toplam: 2 kişi katılıyor · 1 kişi belki katılacak"), 15_000, "the card counting both answers");
      const totalsBefore = answersOf(groupCard());
      await say(ayse, "private", "/forgetme");
      const confirm = emulator.botMessagesIn(ayse.id).at(-1)!;
      const yes = confirm.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.startsWith("fgt:y"))!;
      expect((await emulator.pressButton(ayse, ayse.id, confirm.message_id, yes.callback_data!)).text).toBe("Verileriniz silindi.");

      // The organiser's CSV has no row with her name; the card still counts her answer for Buca.
      await say(derya, "private", "/export 25");
      const csvMessage = await emulator.waitFor(() => emulator.botMessagesIn(derya.id).filter((m) => m.document?.file_name?.endsWith(".csv")).at(-1), 15_000, "the CSV");
      const csv = emulator.file(csvMessage.document!.file_id)!.toString("utf8");
      expect(csv).not.toMatch(/Ayşe|Yılmaz|ayse_buca/);
      expect(csv).toContain("Nurhan Kaya");
      // A change re-renders the card from the database: the answers part is what it was.
      await say(derya, "private", "/meeting_edit 25 title Mevzuat Atölyesi");
      await emulator.waitFor(() => groupCard().text!.includes("Mevzuat Atölyesi"), 15_000, "the card re-rendered");
      expect(answersOf(groupCard())).toBe(totalsBefore);
      expect(await say(derya, "private", "/rsvps 25")).not.toContain("Ayşe");
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
