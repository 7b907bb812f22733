import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser, TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const MEMBERS = 200;
/** A DM invitation card: the card's answer buttons. */
const cardsTo = (user: EmulatedUser) =>
  emulator.botMessagesIn(user.id).filter((m) => m.reply_markup?.inline_keyboard?.some((row) => row.some((b) => b.callback_data?.startsWith("rsvp:")))).length;

describe("the bot process killed in the middle of an invitation fan-out", () => {
  it("after kill -9 and a start, every member has exactly one card (at most the one in flight twice)", { timeout: 240_000 }, async () => {
    // Short claims and a frequent reconcile, so the test need not wait a minute for the dead process's claim.
    const env = { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir(), OUTBOX_CLAIM_SECONDS: "3", OUTBOX_RECONCILE_SECONDS: "1", LOG_LEVEL: "warn" };
    let proc = spawnOrtak({ ...env, LOG_LEVEL: "info" });
    await proc.waitForLog("ortak is running; Ctrl-C stops it", 60_000);
    const derya = emulator.createUser({ first_name: "Derya", language_code: "tr" });
    const group = emulator.createGroup({ title: "Kalabalık Ağ", members: [{ user: derya, status: "creator" }] });
    await sayTo(emulator, derya, "private", "/start");
    await sayTo(emulator, derya, group, "/setup Kalabalık Ağ");
    const code = /join_([A-Za-z0-9]{8})/.exec(emulator.botMessagesIn(derya.id).map((m) => m.text ?? "").join("\n"))?.[1];
    expect(code).toBeDefined();
    await sayTo(emulator, derya, group, "/network_set quiet_hours yok");
    const start = DateTime.now().setZone("Europe/Istanbul").plus({ days: 30 }).startOf("hour");
    expect(await sayTo(emulator, derya, group, `/meeting_new ${start.toFormat("yyyy-MM-dd HH:mm")} | Salon | Gündem`)).toMatch(/^✅ 1\. toplantı/);
    const members = Array.from({ length: MEMBERS }, (_, i) => emulator.createUser({ first_name: `Üye ${i}`, language_code: "tr" }));
    for (let i = 0; i < members.length; i += 20) {
      await Promise.all(members.slice(i, i + 20).map((user) => sayTo(emulator, user, "private", `/start join_${code}`)));
    }

    emulator.sendText(derya, group, "/invite 1");
    // Kill it once a good part of the DMs went out, in the middle of the rest.
    await emulator.waitFor(() => members.filter((u) => cardsTo(u) > 0).length >= 60 || undefined, 60_000, "60 cards");
    proc.signal("SIGKILL");
    await proc.exited;
    const before = members.filter((u) => cardsTo(u) > 0).length;
    expect(before).toBeLessThan(MEMBERS);

    proc = spawnOrtak(env);
    try {
      await emulator.waitFor(() => members.every((u) => cardsTo(u) > 0) || undefined, 120_000, "a card for every member");
      // A little longer: a duplicate would show up now.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const counts = members.map(cardsTo);
      expect(counts.filter((c) => c === 0)).toHaveLength(0);
      expect(counts.reduce((sum, c) => sum + c - 1, 0)).toBeLessThanOrEqual(1);
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
