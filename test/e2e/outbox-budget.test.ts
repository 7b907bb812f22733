import { DateTime } from "luxon";
import { confirmCancel } from "../support/cancel-confirm.ts";
import { beforeAll, describe, expect, it } from "vitest";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const NOTICE = "❌ 1. toplantı iptal edildi.";

describe("a busy group and Telegram's budget", () => {
  it("with the group's budget for the outbox used up, /cancel answers at once and the notice follows when there is room, once", { timeout: 150_000 }, async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates", 60_000);
      const derya = emulator.createUser({ first_name: "Derya", language_code: "tr" });
      const group = emulator.createGroup({ title: "Kalabalık Grup", members: [{ user: derya, status: "creator" }] });
      await sayTo(emulator, derya, group, "/setup Kalabalık Grup");
      const start = DateTime.now().setZone("Europe/Istanbul").plus({ days: 30 }).startOf("hour");
      await sayTo(emulator, derya, group, `/meeting_new ${start.toFormat("yyyy-MM-dd HH:mm")} | Salon | Gündem`);
      const { message } = emulator.sendText(derya, group, "/invite 1");
      await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("1. Toplantı")), 15_000, "the card");
      // A busy minute: the bot answers thirteen questions in the group, then asks and answers about
      // /cancel, which leaves the outbox no room there (the question and its answer fit Telegram's minute).
      for (let i = 0; i < 13; i++) await sayTo(emulator, derya, group, "/whoami");

      const { message: command } = emulator.sendText(derya, group, "/cancel 1");
      const question = await emulator.nextBotMessage(group.id, command.message_id, 15_000);
      const asked = Date.now();
      const answer = await confirmCancel(emulator, derya, question, { timeoutMs: 15_000 });
      expect(answer?.text).toBe("1. toplantı iptal edildi; duyuru bağlı sohbetlere gönderiliyor. Bu numara bir daha kullanılmayacak.");
      // The answer did not wait for the notice: that one waits for room in the group's minute.
      const notices = () => emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith(NOTICE));
      expect(notices()).toHaveLength(0);
      // The question becomes the answer (an answer to a person, which may wait a second for the chat).
      await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.message_id === question.message_id && m.text === answer?.text), 15_000, "the question's answer");
      expect(notices()).toHaveLength(0);
      const refusedBefore = emulator.servedErrors.length;

      const notice = await emulator.waitFor(() => notices()[0], 90_000, "the notice");
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(notices()).toHaveLength(1);
      // The notice (and the card's edit) waited for room in the group's minute instead of running into a 429.
      expect(emulator.servedErrors.slice(refusedBefore).filter((e) => e.errorCode === 429 && Number(e.chatId) === group.id)).toEqual([]);
      expect(notice.date * 1000).toBeGreaterThanOrEqual(Math.floor(asked / 1000) * 1000);
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
