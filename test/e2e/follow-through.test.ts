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

describe("from a published decision and task to the next meeting's card, through the running bot", () => {
  it("the decision is numbered and found; the task's owner is asked, answers, and the next card shows the status", async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates");
      const derya = emulator.createUser({ first_name: "Derya", username: "derya_takip", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", username: "ayse_takip", language_code: "tr" });
      const group = emulator.createGroup({ title: "Takip Ağı", members: [{ user: derya, status: "creator" }, { user: ayse }] });
      await say(derya, group, "/setup Takip Ağı");
      await say(derya, "private", "/start");
      await say(ayse, group, "/whoami");
      await say(ayse, "private", "/start");
      await say(derya, "private", "/org_add Karşıyaka Belediyesi KDM | Karşıyaka");
      await say(derya, "private", "/member_set_org @ayse_takip Karşıyaka");
      // The check-in must not wait for the morning, whatever the hour of this run.
      await say(derya, "private", "/network_set quiet_hours yok");

      // Meeting 1 starts in a quarter of an hour, so its minutes are open; meeting 2 comes five days later.
      const zone = "Europe/Istanbul";
      const first = DateTime.now().setZone(zone).plus({ minutes: 15 });
      const second = first.plus({ days: 5 }).startOf("hour");
      expect(await say(derya, "private", `/meeting_new ${first.toFormat("dd.MM.yyyy HH:mm")} | Salon | Açılış`)).toContain("✅ 1. toplantı oluşturuldu.");
      expect(await say(derya, "private", "/minutes 1")).toContain("📝 1. toplantının tutanağı");
      expect(await say(derya, "private", "karar: Ortak broşür Karşıyaka'da basılacak")).toBe("✍️ 1 numaralı kayıt eklendi.");
      expect(await say(derya, "private", `görev: Broşür taslağı @ayse_takip ${second.minus({ days: 1 }).toFormat("dd.MM.yyyy")}`)).toBe("✍️ 2 numaralı kayıt eklendi.");
      await say(derya, group, "/minutes_publish 1");
      await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.text?.includes("1/1 — Ortak broşür Karşıyaka'da basılacak")), 15_000, "the numbered decision in the group's minutes");
      expect(await say(ayse, group, "/decisions karsiyaka")).toContain("1/1 — Ortak broşür Karşıyaka'da basılacak");
      // The organiser's own copy (messages, then .md and .pdf) arrives in the same private chat the next command is answered in.
      await emulator.waitFor(() => emulator.botMessagesIn(derya.id).find((m) => m.document?.file_name?.endsWith(".pdf")), 75_000, "the organiser's copy of the minutes");

      // Meeting 2 is made within the week: the owner is asked at once.
      expect(await say(derya, "private", `/meeting_new ${second.toFormat("dd.MM.yyyy HH:mm")} | Salon | Değerlendirme`)).toContain("✅ 2. toplantı oluşturuldu.");
      const checkin = await emulator.waitFor(() => emulator.botMessagesIn(ayse.id).find((m) => m.text?.startsWith("📋 Görev takibi")), 15_000, "the check-in");
      expect(checkin.text).toContain("Broşür taslağı");
      const progress = checkin.reply_markup!.inline_keyboard!.flat().find((b) => b.text === "⏳ Sürüyor")!.callback_data!;
      expect((await emulator.pressButton(ayse, ayse.id, checkin.message_id, progress)).text).toBeTruthy();

      await say(derya, group, "/invite 2");
      // The group's 20 messages a minute are mostly spent by now (the minutes went there too): the card may wait its turn.
      const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("2. Toplantı")), 75_000, "the next card");
      // Grouped by the owner's organisation, never the owner's name (the card may be edited once more meanwhile).
      await emulator.waitFor(() => /Broşür taslağı.*· ⏳ Sürüyor/.test(card.text ?? "") || undefined, 75_000, "the status on the card");
      expect(card.text).toContain("Önceki toplantılardan bekleyen görevler\nKarşıyaka\n• Broşür taslağı — bir kişi");
      expect(card.text).not.toContain("Ayşe");
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  }, 180_000);
});
