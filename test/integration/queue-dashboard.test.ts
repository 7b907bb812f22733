import { request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../emulator/index.ts";
import { buildApp, type App } from "../../src/app.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { createLogger, secretsOf } from "../../src/logger.ts";
import { launchChromium } from "../support/browser.ts";
import { openMemoryDatabase, startTestQueue } from "../support/harness.ts";
import { freePort, spawnOrtak } from "../support/process.ts";

const PASSWORD = "kuyruk-Parola-2026!";
const TOKEN = "123456789:TEST-emulator-token-ABCDEFGHIJKLMNOP";
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
const ADMIN = basic("admin", PASSWORD);

const written: string[] = [];
const destination = new Writable({ write: (chunk, _encoding, done) => (written.push(String(chunk)), done()) });
const logger = createLogger({ level: "debug", secrets: [TOKEN, PASSWORD], destination });

let emulator: TelegramEmulator;
let db: Database;
let testQueue: Awaited<ReturnType<typeof startTestQueue>>;
/** One app with the dashboard on, one with it off, on the same database and queue. */
let on: App;
let off: App;
let onUrl: string;

/** A GET with the path exactly as given, and the admin's credentials. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(onUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, path, headers: { authorization: ADMIN } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}
let offUrl: string;

beforeAll(async () => {
  emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  db = await openMemoryDatabase();
  testQueue = await startTestQueue();
  const [onPort, offPort] = [await freePort(), await freePort()];
  const parts = {
    db,
    redis: { path: testQueue.redisPath },
    telegram: { kind: "bot" as const, token: emulator.token, apiRoot: emulator.apiRoot },
    logger,
    outbox: { claimMs: 60_000, reconcileMs: 60_000 },
    delivery: "by-hand" as const,
    intake: { kind: "none" as const },
  };
  on = await buildApp({ ...parts, httpPort: onPort, queueDashboard: { adminPassword: PASSWORD } });
  off = await buildApp({ ...parts, httpPort: offPort });
  onUrl = `http://127.0.0.1:${onPort}/admin/queues`;
  offUrl = `http://127.0.0.1:${offPort}/admin/queues`;
  // Something to show: a delayed delivery job and a waiting heartbeat.
  await on.queue.add("deliver", { id: 999_999, notBefore: Date.now() + 3_600_000 }, { jobId: "o999999-1", delay: 3_600_000 });
  await on.queue.add("heartbeat", {}, { jobId: "dashboard-heartbeat" });
});

afterAll(async () => {
  await on?.stop();
  await off?.stop();
  await testQueue?.close();
  await db?.close();
  await emulator?.stop();
  const everything = written.join("");
  expect(everything).toContain("queue dashboard served");
  expect(everything).not.toContain(PASSWORD);
  expect(everything).not.toContain(ADMIN.slice("Basic ".length));
});

describe("the queue dashboard is off", () => {
  it("answers 404 under /admin/queues, with or without credentials, as for any unknown path", async () => {
    for (const path of ["", "/", "/api/queues", "/static/css/main.css", "/queue/ortak"]) {
      expect((await fetch(`${offUrl}${path}`)).status).toBe(404);
      expect((await fetch(`${offUrl}${path}`, { headers: { authorization: ADMIN } })).status).toBe(404);
    }
    expect((await fetch(`${offUrl}/api/queues/pause`, { method: "PUT", headers: { authorization: ADMIN } })).status).toBe(404);
    // The rest of the server is as before.
    expect((await fetch(offUrl.replace("/admin/queues", "/healthz"))).status).toBe(200);
  });
});

describe("the queue dashboard is on", () => {
  it("refuses every request without the admin's credentials: 401 with a Basic challenge, nothing of the board", async () => {
    const attempts: (string | undefined)[] = [
      undefined,
      "Bearer abc",
      "Basic",
      "Basic !!!not-base64",
      basic("admin", "wrong-password-123"),
      basic("admin", PASSWORD.toUpperCase()),
      basic("admin", `${PASSWORD} `),
      basic("Admin", PASSWORD),
      basic("root", PASSWORD),
      `Basic ${Buffer.from(`admin${PASSWORD}`).toString("base64")}`,
    ];
    for (const authorization of attempts) {
      for (const path of ["", "/api/queues", "/static/js/x.js"]) {
        const response = await fetch(`${onUrl}${path}`, { headers: authorization ? { authorization } : {} });
        expect(response.status, `${authorization} ${path}`).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe('Basic realm="ortak queues", charset="UTF-8"');
        expect(await response.text()).not.toContain("ortak");
      }
    }
  });

  it("serves the page and every script, style and icon it names to the admin", async () => {
    for (const path of ["", "/"]) {
      const page = await fetch(`${onUrl}${path}`, { headers: { authorization: ADMIN } });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
      const html = await page.text();
      expect(html).toContain('<base href="/admin/queues/" />');
      const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((match) => match[1]!);
      expect(assets.filter((asset) => asset.endsWith(".js")).length).toBeGreaterThanOrEqual(2);
      expect(assets.some((asset) => asset.endsWith(".css"))).toBe(true);
      for (const asset of assets) {
        const response = await fetch(`${onUrl}/${asset}`, { headers: { authorization: ADMIN } });
        expect(response.status, asset).toBe(200);
        const type = response.headers.get("content-type") ?? "";
        if (asset.endsWith(".js")) expect(type).toMatch(/javascript/);
        if (asset.endsWith(".css")) expect(type).toMatch(/^text\/css/);
        expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
      }
    }
    // The UI's own routes are the page too (a reload on a queue's page works).
    expect((await fetch(`${onUrl}/queue/ortak`, { headers: { authorization: ADMIN } })).status).toBe(200);
    // Nothing outside the UI's files: no way up the tree (sent as written: fetch would tidy the dots away).
    for (const path of ["/static/../../package.json", "/static/%2e%2e/%2e%2e/package.json", "/static/..%2f..%2fpackage.json", "/static//etc/passwd"]) {
      const answer = await rawGet(`${new URL(onUrl).pathname}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toMatch(/"name"|root:/);
    }
  });

  it("shows the queue's jobs read-only: its API answers the counts and refuses every change", async () => {
    const response = await fetch(`${onUrl}/api/queues`, { headers: { authorization: ADMIN } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[] };
    expect(body.queues).toEqual([expect.objectContaining({ name: "ortak", readOnlyMode: true, counts: expect.objectContaining({ delayed: 1, waiting: 1 }) })]);
    for (const [method, path] of [["PUT", "/api/queues/ortak/pause"], ["PUT", "/api/queues/ortak/empty"], ["PUT", "/api/queues/ortak/clean/delayed"], ["PUT", "/api/queues/ortak/o999999-1/promote"], ["POST", "/api/queues/ortak/add"]] as const) {
      const refused = await fetch(`${onUrl}${path}`, { method, headers: { authorization: ADMIN, "content-type": "application/json" }, body: "{}" });
      expect(refused.status, path).toBe(405);
    }
    expect(await on.queue.getJobCounts("delayed", "waiting")).toEqual({ delayed: 1, waiting: 1 });
    expect(await on.queue.isPaused()).toBe(false);
  });

  it("renders in a real browser: the queue and its delayed job, every request answered, nothing fetched from another site", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ httpCredentials: { username: "admin", password: PASSWORD } });
      const failed: string[] = [];
      // Another site would learn where the dashboard is: the page's policy must stop such requests before they leave.
      const leftTheSite: string[] = [];
      page.on("requestfailed", (request) => {
        if (request.url().startsWith(onUrl)) failed.push(request.url());
        else if (request.failure()?.errorText !== "csp") leftTheSite.push(request.url());
      });
      page.on("requestfinished", (request) => {
        if (!request.url().startsWith(onUrl)) leftTheSite.push(request.url());
      });
      page.on("response", (answer) => {
        if (answer.url().startsWith(onUrl) && answer.status() >= 400) failed.push(`${answer.status()} ${answer.url()}`);
      });
      await page.goto(`${onUrl}/queue/ortak?status=delayed`);
      // The job's id appears once the scripts ran and the API answered.
      await page.getByText("o999999-1").first().waitFor({ timeout: 15_000 });
      expect(await page.title()).toBe("ortak");
      expect(failed).toEqual([]);
      expect(leftTheSite).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("configuration", () => {
  const base = { BOT_TOKEN: TOKEN };
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env, "/srv/ortak");
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    throw new Error("expected a ConfigError");
  };

  it("is off unless QUEUE_DASHBOARD=on, and on needs an ADMIN_PASSWORD of at least 12 characters", () => {
    expect(loadConfig(base, "/srv/ortak").queueDashboard).toBeUndefined();
    expect(loadConfig({ ...base, QUEUE_DASHBOARD: "off", ADMIN_PASSWORD: "short" }, "/srv/ortak").queueDashboard).toBeUndefined();
    expect(loadConfig({ ...base, QUEUE_DASHBOARD: "on", ADMIN_PASSWORD: PASSWORD }, "/srv/ortak").queueDashboard).toEqual({ adminPassword: PASSWORD });
    expect(loadConfig({ ...base, QUEUE_DASHBOARD: "on", ADMIN_PASSWORD: "ğüşiöçĞÜŞİÖÇ" }, "/srv/ortak").queueDashboard).toEqual({ adminPassword: "ğüşiöçĞÜŞİÖÇ" });
    expect(problemsOf({ ...base, QUEUE_DASHBOARD: "on" })).toEqual(["QUEUE_DASHBOARD=on needs ADMIN_PASSWORD (at least 12 characters): the dashboard is served only behind a password"]);
    expect(problemsOf({ ...base, QUEUE_DASHBOARD: "on", ADMIN_PASSWORD: "   " })).toEqual(["QUEUE_DASHBOARD=on needs ADMIN_PASSWORD (at least 12 characters): the dashboard is served only behind a password"]);
    const short = problemsOf({ ...base, QUEUE_DASHBOARD: "on", ADMIN_PASSWORD: "elevenchars" });
    expect(short).toEqual(["ADMIN_PASSWORD must be at least 12 characters long (QUEUE_DASHBOARD=on)"]);
    expect(problemsOf({ ...base, QUEUE_DASHBOARD: "yes" })).toEqual(["QUEUE_DASHBOARD must be on or off"]);
  });

  it("keeps ADMIN_PASSWORD, and the Basic credentials made of it, out of every log line", () => {
    const config = loadConfig({ ...base, QUEUE_DASHBOARD: "on", ADMIN_PASSWORD: PASSWORD }, "/srv/ortak");
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const configured = createLogger({ level: "info", secrets: secretsOf(config), destination: sink });
    configured.info({ note: `typed ${PASSWORD} by mistake`, header: ADMIN }, `login with ${PASSWORD}`);
    expect(lines.join("")).not.toContain(PASSWORD);
    expect(lines.join("")).not.toContain(ADMIN.slice("Basic ".length));
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "login with <redacted>", header: "Basic <redacted>" });
  });

  it("stops start-up with one line naming ADMIN_PASSWORD when the dashboard is on without it, or with a short one", async () => {
    const refusals = [
      [{}, "QUEUE_DASHBOARD=on needs ADMIN_PASSWORD (at least 12 characters): the dashboard is served only behind a password"],
      [{ ADMIN_PASSWORD: "too-short" }, "ADMIN_PASSWORD must be at least 12 characters long (QUEUE_DASHBOARD=on)"],
    ] as const;
    for (const [extra, problem] of refusals) {
      const proc = spawnOrtak({ BOT_TOKEN: TOKEN, QUEUE_DASHBOARD: "on", ...extra }, "src/main.ts", ["--bot"]);
      expect(await proc.exited).toBe(1);
      expect(proc.stderr()).toBe(`ortak: Invalid configuration:\n  - ${problem}\n`);
      expect(proc.stderr()).not.toContain("too-short");
    }
  });
});
