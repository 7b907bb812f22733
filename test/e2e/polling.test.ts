import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { tempDir } from "../support/harness.ts";
import { isAlive, processGroup, spawnOrtak, useEmulatorAndDataDir, type OrtakProcess } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

function start(): OrtakProcess {
  return spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
}

describe("ortak as a process, polling the emulator on embedded PGlite and a private Redis", () => {
  it("answers in Turkish and English, remembers /lang across a restart, and stops cleanly", async () => {
    const first = start();
    const redisStarted = await first.waitForLog("private redis-server started");
    await first.waitForLog("polling for updates");
    // A terminal's Ctrl-C signals the bot's process group; Redis must not be in it, or it would
    // stop before the workers and queues that still use it.
    expect(processGroup(redisStarted.pid as number)).not.toBe(processGroup(first.child.pid!));

    const ayse = emulator.createUser({ first_name: "Ayşe", language_code: "tr" });
    const john = emulator.createUser({ first_name: "John", language_code: "en" });
    emulator.sendText(ayse, "private", "/start");
    expect((await emulator.nextBotMessage(ayse.id, 0, 15_000)).text).toContain("Merhaba Ayşe!");
    const help = emulator.sendText(john, "private", "/help").message;
    expect((await emulator.nextBotMessage(john.id, help.message_id)).text).toContain("Commands you can use");
    const lang = emulator.sendText(ayse, "private", "/lang en").message;
    expect((await emulator.nextBotMessage(ayse.id, lang.message_id)).text).toBe("Done, I will speak English with you from now on.");

    // The command menu is published per language.
    await emulator.waitFor(() => emulator.myCommands("en", { type: "all_private_chats" }), 5_000, "English menu");
    expect(emulator.myCommands("", { type: "all_private_chats" })?.map((c) => c.description)).toContain("Dil seçimi (tr / en)");

    expect(await first.stop("SIGINT")).toBe(0);
    expect(isAlive(first.child.pid!)).toBe(false);
    expect(isAlive(redisStarted.pid as number)).toBe(false);
    expect(first.logs.some((entry) => entry.msg === "stopped")).toBe(true);
    // pino level 40 = warn: shutdown in order means no component saw another vanish under it.
    expect(first.logs.filter((entry) => (entry.level as number) >= 40)).toEqual([]);

    // While the bot is down, a message waits at Telegram.
    const waiting = emulator.sendText(ayse, "private", "/help").message;

    const second = start();
    await second.waitForLog("polling for updates");
    const answer = await emulator.nextBotMessage(ayse.id, waiting.message_id, 15_000);
    expect(answer.text).toContain("Commands you can use");
    // Nothing handled before the restart was handled again.
    expect(emulator.botMessagesIn(ayse.id).filter((m) => m.text?.includes("Merhaba Ayşe!"))).toHaveLength(1);
    expect(emulator.botMessagesIn(john.id)).toHaveLength(1);
    expect(await second.stop("SIGTERM")).toBe(0);
  });

  it("exits with one readable line on bad configuration", async () => {
    const bad = spawnOrtak({ BOT_TOKEN: "12:short", DATA_DIR: fixture.dataDir(), LOG_LEVEL: "loud" });
    expect(await bad.exited).toBe(1);
    expect(bad.stderr()).toContain("BOT_TOKEN does not look like a bot token");
    expect(bad.stderr()).toContain("LOG_LEVEL must be one of");
    expect(bad.stderr()).not.toMatch(/\n\s+at /);
  });

  it("exits with one readable line when its HTTP port is taken", async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, resolve));
    const port = (squatter.address() as AddressInfo).port;
    const elsewhere = await tempDir("ortak-e2e-");
    try {
      const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: elsewhere.path, PORT: String(port) });
      expect(await proc.exited).toBe(1);
      expect(proc.stderr()).toContain(`the HTTP port ${port} is already in use (another ortak?): stop that program, or set PORT to a free port`);
      expect(proc.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      squatter.close();
      await elsewhere.remove();
    }
  });

  it("names the install command when redis-server is not installed", async () => {
    const nodeOnly = await tempDir("ortak-e2e-");
    try {
      const proc = spawnOrtak({
        BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        DATA_DIR: nodeOnly.path,
        PATH: "/nonexistent",
      });
      expect(await proc.exited).toBe(1);
      expect(proc.stderr()).toMatch(/redis-server was not found on PATH.*sudo apt-get install -y redis-server/s);
    } finally {
      await nodeOnly.remove();
    }
  });
});
