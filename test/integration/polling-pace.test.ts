import { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPolling } from "../../src/bot/polling.ts";
import type { BotContext } from "../../src/bot/context.ts";
import { silentLogger } from "../../src/logger.ts";
import { TelegramEmulator } from "../../emulator/index.ts";

let emulator: TelegramEmulator;
beforeAll(async () => {
  emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
});
afterAll(() => emulator.stop());

/** The emulator's waitFor wakes on its own changes; these are the handler's. */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5_000) throw new Error("not within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("polling while a handler runs", () => {
  it("after a call that saw everything pending, waits for a handler instead of asking again, and asks at once when all have finished", async () => {
    const bot = new Bot<BotContext>(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    bot.on("message:text", async (ctx) => {
      started.push(ctx.message.text);
      if (ctx.message.text === "yavaş") await held;
      await ctx.reply("tamam");
    });
    await bot.init();
    let polls = 0;
    bot.api.config.use((prev, method, payload, signal) => {
      if (method === "getUpdates") polls++;
      return prev(method, payload, signal);
    });
    // Waits long enough that only finishing handlers can end them within this test: once every
    // update taken has finished, the next call goes at once instead of keeping the calls apart.
    const polling = startPolling(bot, { allowedUpdates: ["message"], logger: silentLogger, timeoutSeconds: 1, heldPollMs: 60_000, minHeldPollMs: 60_000, onEnded: () => undefined });
    try {
      const slow = emulator.createUser({ first_name: "Yavaş" });
      emulator.sendText(slow, "private", "yavaş");
      await until(() => started.includes("yavaş"));
      // The call that brought it was not full: nothing else was waiting, and asking again would
      // only bring the running update back.
      await until(() => polls >= 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(polls).toBe(1);
      // A newer message is fetched once the slow handler finishes, and both are answered.
      const quick = emulator.createUser({ first_name: "Hızlı" });
      const { message } = emulator.sendText(quick, "private", "hızlı");
      release();
      expect((await emulator.nextBotMessage(quick.id, message.message_id, 5_000)).text).toBe("tamam");
      expect(emulator.botMessagesIn(slow.id).map((m) => m.text)).toEqual(["tamam"]);
    } finally {
      release();
      await polling.stop();
    }
  });
});
