import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const say = (user: EmulatedUser, chat: EmulatedChat | "private", text: string, replyTo?: number) => sayTo(emulator, user, chat, text, replyTo);

describe("a network set up through the running bot, with several people in one group and their DMs", () => {
  it("sets up, adds organisations, onboards by deep link, delegates, and keeps names private", async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates");
      const derya = emulator.createUser({ first_name: "Derya", username: "derya_ikdd", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", username: "ayse_buca", language_code: "tr" });
      const john = emulator.createUser({ first_name: "John", username: "john_kihd", language_code: "en" });
      const group = emulator.createGroup({
        title: "İzmir KDM Ağı",
        members: [{ user: derya, status: "creator" }, { user: ayse }, { user: john }],
      });

      // The join code is for organisers only: it comes privately, never into the group.
      await say(derya, "private", "/start");
      expect(await say(derya, group, "/setup İzmir KDM İş Birliği Ağı")).not.toMatch(/[A-Z0-9]{8}/);
      const code = /ağ kodu: (\w{8})/.exec(emulator.botMessagesIn(derya.id).at(-1)!.text!)![1]!;
      expect(await say(derya, group, "/network_set next_number 25")).toBe("next_number güncellendi: 1 → 25");
      await say(derya, group, "/org_add Buca Belediyesi Kadın Danışma Merkezi | Buca KDM");
      await say(derya, group, "/org_add Kadının İnsan Hakları Derneği | KİHD");

      // A member tries an organiser command: refused, nothing added.
      expect(await say(ayse, group, "/org_add Sahte | SHT")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");

      // Ayşe joins from the group keyboard; John by the deep link in private, in English.
      await say(ayse, group, "/join");
      const card = emulator.botMessagesIn(group.id).at(-1)!;
      const buca = card.reply_markup!.inline_keyboard!.flat().find((b) => b.text === "Buca KDM")!;
      expect((await emulator.pressButton(ayse, group.id, card.message_id, buca.callback_data!)).text).toBe("Kurumunuz: Buca KDM");
      expect(await say(john, "private", `/start join_${code}`)).toContain("You have joined the network “İzmir KDM İş Birliği Ağı”");
      const dmCard = emulator.botMessagesIn(john.id).at(-1)!;
      const kihd = dmCard.reply_markup!.inline_keyboard!.flat().find((b) => b.text === "KİHD")!;
      expect((await emulator.pressButton(john, john.id, dmCard.message_id, kihd.callback_data!)).text).toBe("Your organisation: KİHD");

      // Derya makes Ayşe an organiser by replying to her; Ayşe can now add organisations.
      const { message } = emulator.sendText(ayse, group, "/whoami");
      await emulator.nextBotMessage(group.id, message.message_id, 15_000);
      expect(await say(derya, group, "/organiser_add", message.message_id)).toBe("Tamam. Ayrıntıları size özel mesajla gönderdim.");
      expect(emulator.botMessagesIn(derya.id).at(-1)!.text).toContain("Ayşe (@ayse_buca)");
      expect(await say(ayse, group, "/org_add Bornova Belediyesi KDM | Bornova KDM")).toContain("3. sırada");

      // The member list goes to the organiser privately, never into the group.
      expect(await say(derya, group, "/members")).toMatch(/özel mesajla gönderdim/);
      const list = emulator.botMessagesIn(derya.id).at(-1)!.text!;
      expect(list).toContain("• Ayşe @ayse_buca: koordinatör, özel mesajla ulaşılamıyor");
      expect(list).toContain("• John @john_kihd: üye, özel mesajla ulaşılabiliyor");
      expect(emulator.botMessagesIn(group.id).some((m) => m.text?.includes("@john_kihd"))).toBe(false);

      // John, now an organiser, has blocked the bot: /members in the group cannot reach him by
      // DM (403), so he is told to start the bot, and the list shows him as unreachable.
      expect(await say(derya, group, "/organiser_add @john_kihd")).toBe("Tamam. Ayrıntıları size özel mesajla gönderdim.");
      emulator.blockBot(john);
      expect(await say(john, group, "/members")).toMatch(/^I can send this only privately/);
      await say(derya, "private", "/members");
      expect(emulator.botMessagesIn(derya.id).at(-1)!.text).toContain("• John @john_kihd: koordinatör, özel mesajla ulaşılamıyor");
      expect(emulator.servedErrors.some((e) => e.chatId === john.id && e.errorCode === 403)).toBe(true);
      const audit = await say(derya, "private", "/audit 50");
      for (const action of ["Ağ kuruldu", "Ağ ayarı değişti (next_number)", "Kurum eklendi", "Üyenin rolü değişti"]) expect(audit).toContain(action);
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
