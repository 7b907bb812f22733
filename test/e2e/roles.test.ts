import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { startTestRedis } from "../support/harness.ts";
import { startTestPostgres, type TestPostgres } from "../support/postgres.ts";
import { freePort, sayTo, useEmulatorAndDataDir, useSpawnedOrtak } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
const spawnOrtak = useSpawnedOrtak();
let emulator: TelegramEmulator;
let postgres: TestPostgres;
let redis: Awaited<ReturnType<typeof startTestRedis>>;

beforeAll(async () => {
  emulator = fixture.emulator();
  postgres = await startTestPostgres();
  redis = await startTestRedis();
}, 60_000);
afterAll(async () => {
  await redis?.remove();
  await postgres?.stop();
});

/** One series' value in a Prometheus exposition, or undefined when it is not there. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("ROLE=bot and ROLE=worker on one PostgreSQL and one Redis, with /healthz, /readyz and /metrics", () => {
  it("the bot process takes the updates, the worker process delivers what they cause; each says so in its metrics", async () => {
    const [botPort, workerPort] = [await freePort(), await freePort()];
    const shared = { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: postgres.url, REDIS_URL: `unix://${redis.socketPath}`, DATA_DIR: fixture.dataDir(), OUTBOX_RECONCILE_SECONDS: "1" };
    const worker = spawnOrtak({ ...shared, ROLE: "worker", PORT: String(workerPort) });
    await worker.waitForLog("ortak is running; Ctrl-C stops it", 60_000);
    const bot = spawnOrtak({ ...shared, ROLE: "bot", PORT: String(botPort) });
    await bot.waitForLog("ortak is running; Ctrl-C stops it", 60_000);
    const get = (port: number, path: string) => fetch(`http://127.0.0.1:${port}${path}`);

    for (const port of [botPort, workerPort]) {
      expect((await get(port, "/healthz")).status).toBe(200);
      const ready = await get(port, "/readyz");
      expect([ready.status, await ready.json()]).toEqual([200, { ok: true }]);
    }

    const derya = emulator.createUser({ first_name: "Derya", username: "derya_roles", language_code: "tr" });
    const group = emulator.createGroup({ title: "Roller Ağı", members: [{ user: derya, status: "creator" }], botStatus: "administrator", botRights: { can_pin_messages: true } });
    await sayTo(emulator, derya, "private", "/start");
    await sayTo(emulator, derya, group, "/setup Roller Ağı");
    await sayTo(emulator, derya, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Açılış");
    expect(await sayTo(emulator, derya, group, "/invite 1")).toContain("1 sohbete");
    // The card goes out through the worker, and is pinned as its second part.
    const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("1. Toplantı")), 20_000, "the card");
    await emulator.waitFor(() => group.pinned.includes(card.message_id) || undefined, 20_000, "the pin");

    const botMetrics = await (await get(botPort, "/metrics")).text();
    const workerMetrics = await (await get(workerPort, "/metrics")).text();
    expect(sample(botMetrics, 'ortak_updates_total{kind="message",outcome="ok"}')).toBeGreaterThanOrEqual(4);
    expect(sample(workerMetrics, 'ortak_updates_total{kind="message",outcome="ok"}')).toBeUndefined();
    expect(sample(workerMetrics, 'ortak_outbox_deliveries_total{kind="card-post",outcome="sent"}')).toBe(1);
    expect(sample(botMetrics, 'ortak_outbox_deliveries_total{kind="card-post",outcome="sent"}')).toBeUndefined();
    // Depth is read from the shared database at scrape time, by either process.
    expect(sample(botMetrics, 'ortak_outbox_rows{status="sent"}')).toBeGreaterThanOrEqual(1);
    expect(botMetrics).toContain("ortak_update_handler_seconds_bucket");
    // No competing polls: only the bot process asked for updates.
    expect(emulator.servedErrors.filter((e) => e.errorCode === 409)).toEqual([]);

    expect(await bot.stop("SIGTERM")).toBe(0);
    expect(await worker.stop("SIGTERM")).toBe(0);
  });

  it("says in one line, without the password, when DATABASE_URL does not answer or names no database", async () => {
    const nowhere = spawnOrtak({ BOT_TOKEN: emulator.token, DATA_DIR: fixture.dataDir(), DATABASE_URL: "postgres://ortak:gizli_parola@127.0.0.1:1/ortak", REDIS_URL: `unix://${redis.socketPath}` });
    expect(await nowhere.exited).toBe(1);
    expect(nowhere.stderr()).toBe(
      "ortak: DATABASE_URL: PostgreSQL at 127.0.0.1:1/ortak did not accept the connection (ECONNREFUSED); check that the server runs, and the URL's host, port, user, password and database\n",
    );
    const noDatabase = spawnOrtak({ BOT_TOKEN: emulator.token, DATA_DIR: fixture.dataDir(), DATABASE_URL: postgres.url.replace(/\/postgres$/, "/yok_boyle"), REDIS_URL: `unix://${redis.socketPath}` });
    expect(await noDatabase.exited).toBe(1);
    expect(noDatabase.stderr()).toMatch(/^ortak: DATABASE_URL: PostgreSQL at 127\.0\.0\.1:\d+\/yok_boyle did not accept the connection \(3D000: database "yok_boyle" does not exist\)/);
    expect(nowhere.stderr() + noDatabase.stderr()).not.toContain("gizli_parola");
  });

  it("refuses a wrong ROLE in one line", async () => {
    const wrong = spawnOrtak({ BOT_TOKEN: emulator.token, DATA_DIR: fixture.dataDir(), ROLE: "both" });
    expect(await wrong.exited).toBe(1);
    expect(wrong.stderr()).toBe("ortak: Invalid configuration:\n  - ROLE must be all, bot or worker\n");
  });
});
