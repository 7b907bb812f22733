import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage, TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const say = (user: EmulatedUser, chat: EmulatedChat | "private", text: string) => sayTo(emulator, user, chat, text);
const press = (user: EmulatedUser, card: StoredMessage, position: number, answer: "y" | "m" | "n") => {
  const data = card.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.endsWith(`:${position}:${answer}`))!.callback_data!;
  return emulator.pressButton(user, card.chatId, card.message_id, data);
};

describe("a date poll through the running bot", () => {
  it("from /poll_dates to /poll_close: the card, votes per organisation, the meeting with its host proposal, the voters told", async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates");
      const derya = emulator.createUser({ first_name: "Derya", username: "derya_poll", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", username: "ayse_poll", language_code: "tr" });
      const elif = emulator.createUser({ first_name: "Elif", username: "elif_poll", language_code: "tr" });
      const group = emulator.createGroup({ title: "Anket Ağı", members: [{ user: derya, status: "creator" }, { user: ayse }, { user: elif }] });
      await say(derya, group, "/setup Anket Ağı");
      for (const user of [ayse, elif]) {
        await say(user, group, "/whoami");
        await say(user, "private", "/start");
      }
      await say(derya, group, "/org_add Buca Belediyesi KDM | Buca");
      await say(derya, group, "/org_add Karşıyaka Belediyesi KDM | Karşıyaka");
      await say(derya, group, "/member_set_org @ayse_poll Buca");
      await say(derya, group, "/member_set_org @elif_poll Karşıyaka");

      expect(await say(derya, group, "/poll_dates Mart toplantısı | 17 Mart 2030 10:00 | 24 Mart 2030 14:00 | son: 10 Mart 2030 18:00")).toContain(
        "✅ Tarih anketi 1 oluşturuldu (2 seçenek). Anket kartı ağa bağlı 1 sohbete gönderiliyor.",
      );
      const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("🗓 Tarih anketi 1: Mart toplantısı")), 15_000, "the poll card");
      expect((await press(ayse, card, 1, "y")).text).toBe("1. seçenek: Katılabilirim ✅");
      expect((await press(ayse, card, 2, "y")).text).toBe("2. seçenek: Katılabilirim ✅");
      expect((await press(elif, card, 2, "y")).text).toBe("2. seçenek: Katılabilirim ✅");
      expect((await press(elif, card, 1, "n")).text).toBe("1. seçenek: Katılamam ❌");
      await emulator.waitFor(() => card.text?.includes("2) 24 Mart 2030 Pazar, 14:00 ⭐\n✅ 2 kişi (2 kurumdan) · 🤷 0 kişi gerekirse"), 15_000, "the card's tallies");
      expect(card.text).toContain("1) 17 Mart 2030 Pazar, 10:00\n✅ 1 kişi (1 kurumdan) · 🤷 0 kişi gerekirse");
      expect(await say(ayse, group, "/poll 1")).toContain("2) 24 Mart 2030 Pazar, 14:00: ✅ 2 kişi · 2 kurum · 🤷 0 · ❌ 0");

      expect(await say(derya, group, "/poll_close 1 2 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji")).toContain("✅ 1. toplantı oluşturuldu.");
      await emulator.waitFor(() => card.text?.endsWith("Sonuç: 1. toplantı, 24 Mart 2030 Pazar, 14:00–19:00") && !card.reply_markup?.inline_keyboard?.length, 15_000, "the closed card");
      const result = "🗓 Oy verdiğiniz “Mart toplantısı” tarih anketi sonuçlandı.\n1. toplantı: 24 Mart 2030 Pazar, 14:00–19:00\nDavet ayrıca gönderilecek. Oyunuz için teşekkür ederiz.";
      for (const voter of [ayse, elif]) await emulator.waitFor(() => emulator.botMessagesIn(voter.id).some((m) => m.text === result), 15_000, "the result by DM");
      await emulator.waitFor(() => emulator.botMessagesIn(ayse.id).some((m) => m.text?.includes("1. toplantının ev sahipliği sırası kurumunuzda: Buca Belediyesi KDM")), 15_000, "the host proposal");
      await emulator.waitFor(() => emulator.botMessagesIn(group.id).some((m) => m.text?.startsWith("🏠 1. toplantı için ev sahibi önerildi: Buca Belediyesi KDM.")), 15_000, "the group's proposal line");
      expect(await say(ayse, group, "/meetings")).toContain("1. toplantı: 24 Mart 2030 Pazar, 14:00–19:00, Buca1923 Mevlana Kafe");
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
