import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";
import { readWithBoth } from "../unit/ics-parsers.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const say = (user: EmulatedUser, chat: EmulatedChat | "private", text: string) => sayTo(emulator, user, chat, text);

describe("the calendar feed of a running bot (polling mode)", () => {
  it("/calendar in private gives an address on the bot's own HTTP server, and the feed holds the invited meeting", async () => {
    // PORT=0: a free port the system picks; no PUBLIC_URL: the address is http://127.0.0.1:<that port>,
    // served by the polling bot itself.
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir(), PORT: "0" });
    try {
      const port = Number((await proc.waitForLog(/^HTTP server listening/)).port);
      expect(port).toBeGreaterThan(0);
      await proc.waitForLog("polling for updates");
      const derya = emulator.createUser({ first_name: "Derya", username: "derya_takvim", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", username: "ayse_takvim", language_code: "tr" });
      const group = emulator.createGroup({ title: "Takvim Ağı", members: [{ user: derya, status: "creator" }, { user: ayse }] });
      await say(derya, "private", "/start");
      await say(ayse, "private", "/start");
      await say(derya, group, "/setup Takvim Ağı");
      await say(ayse, group, "/whoami");
      await say(derya, group, "/network_set next_number 25");
      expect(await say(derya, group, "/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji")).toContain("25");
      await say(derya, group, "/invite 25");
      await say(ayse, group, "/rsvp 25 evet");

      const answer = await say(ayse, "private", "/calendar");
      const url = new RegExp(`http://127\\.0\\.0\\.1:${port}/calendar/[A-Za-z0-9_-]{43}\\.ics`).exec(answer)?.[0];
      expect(url, answer).toBeDefined();
      expect(answer).toContain(`webcal://127.0.0.1:${port}/calendar/`);

      const response = await fetch(url!);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const calendar = readWithBoth(await response.text());
      expect(calendar.name).toBe("Takvim Ağı");
      expect(calendar.events).toHaveLength(1);
      expect(calendar.events[0]).toMatchObject({ summary: "Takvim Ağı: 25. Toplantı", start: "2027-03-17T07:00:00.000Z", location: "Buca1923 Mevlana Kafe", status: "CONFIRMED" });
      expect(calendar.events[0]!.description).toContain("Yanıtınız: Katılıyorum");
      expect((await fetch(url!, { headers: { "if-none-match": response.headers.get("etag")! } })).status).toBe(304);

      // The process never wrote the token, nor the path that carries it.
      const token = /\/([A-Za-z0-9_-]{43})\.ics$/.exec(url!)![1]!;
      expect(JSON.stringify(proc.logs) + proc.stderr()).not.toContain(token);
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
