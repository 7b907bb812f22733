import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const say = (user: EmulatedUser, chat: EmulatedChat | "private", text: string) => sayTo(emulator, user, chat, text);

describe("a reminder through the running bot, its queue and Telegram", () => {
  it("a meeting three minutes ahead with a 1m policy reminds the member who said yes, once", { timeout: 240_000 }, async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates");
      const derya = emulator.createUser({ first_name: "Derya", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", language_code: "tr" });
      const group = emulator.createGroup({ title: "Hatırlatma Ağı", members: [{ user: derya, status: "creator" }, { user: ayse }] });
      await say(derya, group, "/setup Hatırlatma Ağı");
      // Whatever the hour in İzmir when this runs, DMs may go out now.
      await say(derya, group, "/network_set quiet_hours yok");
      await say(ayse, "private", "/start");
      const start = DateTime.now().setZone("Europe/Istanbul").plus({ minutes: 3 }).startOf("minute");
      expect(await say(derya, group, `/meeting_new ${start.toFormat("yyyy-MM-dd HH:mm")} | Buca | Gündem`)).toMatch(/^✅ 1\. toplantı oluşturuldu/);
      expect(await say(derya, group, "/reminders_set 1 1m")).toMatch(/^1\. toplantının hatırlatmaları bundan sonra toplantıdan 1 dakika önce gönderilecek/);
      expect(await say(ayse, group, "/rsvp 1 evet")).toBe("Kaydedildi: katılıyorsunuz.");
      const { message } = emulator.sendText(derya, group, "/invite 1");
      await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("1. toplantının davet kartı")), 15_000);

      const reminder = await emulator.waitFor(() => emulator.botMessagesIn(ayse.id).find((m) => m.text?.startsWith("⏰")), 200_000, "the reminder");
      expect(reminder.text).toContain("⏰ Hatırlatma: 1. toplantı");
      expect(reminder.text).toContain("Yanıtınız: katılıyorsunuz (1 kişi)");
      // It went out about a minute before the start, not early and not late.
      const sentAt = reminder.date * 1000;
      expect(sentAt).toBeGreaterThanOrEqual(start.minus({ minutes: 1 }).toMillis() - 1000);
      expect(sentAt).toBeLessThan(start.toMillis());
      // Derya never answered: no reminder for her.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(emulator.botMessagesIn(ayse.id).filter((m) => m.text?.startsWith("⏰"))).toHaveLength(1);
      expect(emulator.botMessagesIn(derya.id).filter((m) => m.text?.startsWith("⏰"))).toHaveLength(0);
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
