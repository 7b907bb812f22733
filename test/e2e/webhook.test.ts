import { beforeAll, describe, expect, it } from "vitest";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { freePort, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

describe("ortak in webhook mode", () => {
  it("registers its webhook, checks the secret, ignores redelivered updates and answers /healthz", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const proc = spawnOrtak({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATA_DIR: fixture.dataDir(),
      BOT_MODE: "webhook",
      WEBHOOK_URL: `${base}/telegram/hook`,
      WEBHOOK_SECRET: "e2e_secret-1",
      PORT: String(port),
    });
    try {
      await proc.waitForLog("webhook listening");
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      const ayse = emulator.createUser({ first_name: "Ayşe", language_code: "tr" });
      emulator.sendText(ayse, "private", "/start");
      expect((await emulator.nextBotMessage(ayse.id, 0, 15_000)).text).toContain("Merhaba Ayşe!");

      // Another length, the same length differing in the last character, and no header at all.
      const before401 = emulator.botMessagesIn(ayse.id).length;
      for (const secret of ["wrong", "e2e_secret-2", undefined]) {
        const forged = await fetch(`${base}/telegram/hook`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
          body: JSON.stringify({ update_id: 1, message: { message_id: 99, date: 0, chat: { id: ayse.id, type: "private", first_name: "Ayşe" }, from: { id: ayse.id, is_bot: false, first_name: "Ayşe" }, text: "/help" } }),
        });
        expect(forged.status, `secret ${secret}`).toBe(401);
      }
      expect(emulator.botMessagesIn(ayse.id).length).toBe(before401);

      // Telegram redelivers an update it thinks failed; the bot must handle it once.
      const update = {
        update_id: 555_000,
        message: {
          message_id: emulator.sendText(ayse, "private", "redelivered").message.message_id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: ayse.id, type: "private", first_name: "Ayşe" },
          from: { id: ayse.id, is_bot: false, first_name: "Ayşe", language_code: "tr" },
          text: "/lang",
          entities: [{ type: "bot_command", offset: 0, length: 5 }],
        },
      };
      await emulator.nextBotMessage(ayse.id, update.message.message_id);
      const before = emulator.botMessagesIn(ayse.id).length;
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${base}/telegram/hook`, {
          method: "POST",
          headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "e2e_secret-1" },
          body: JSON.stringify(update),
        });
        expect(response.status).toBe(200);
      }
      expect(emulator.botMessagesIn(ayse.id).length).toBe(before + 1);
    } finally {
      expect(await proc.stop("SIGTERM")).toBe(0);
    }
    const output = JSON.stringify(proc.logs) + proc.stderr();
    for (const secret of [emulator.token, emulator.token.split(":")[1]!, "e2e_secret-1"]) expect(output).not.toContain(secret);
  });
});
