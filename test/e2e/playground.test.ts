import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/harness.ts";
import { freePort, spawnOrtak, type OrtakProcess } from "../support/process.ts";
import { launchChromium } from "../support/browser.ts";

interface Person {
  id: number;
  name: string;
  role: string;
  organisation: string;
}

let dir: Awaited<ReturnType<typeof tempDir>>;
let port: number;
let proc: OrtakProcess;
let browser: Browser;
let page: Page;
let people: Person[];

/** `npm start` with no BOT_TOKEN: the playground, on its own port and data directory. */
async function startPlayground(): Promise<OrtakProcess> {
  // Short outbox claims: after the kill -9 below, a message the dead process held goes out in seconds.
  const started = spawnOrtak({ DATA_DIR: dir.path, PLAYGROUND_PORT: String(port), LOG_LEVEL: "warn", OUTBOX_CLAIM_SECONDS: "3", OUTBOX_RECONCILE_SECONDS: "1" });
  await started.waitForLog(new RegExp(`^ortak playground: http://127\\.0\\.0\\.1:${port}$`), 90_000);
  return started;
}

const url = () => `http://127.0.0.1:${port}`;
const person = (organisation: string) => people.find((candidate) => candidate.organisation === organisation)!;

interface WorldSeen {
  group: { id: number };
  chats: Record<string, { id: number; text?: string }[]>;
}

async function world(): Promise<WorldSeen> {
  return (await (await fetch(`${url()}/api/world`)).json()) as WorldSeen;
}

const texts = async (chatId: number) => (await world()).chats[chatId]!.map((message) => message.text ?? "");

/** What the page posts, without the page. */
const post = (path: string, body: unknown) => fetch(`${url()}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function actAs(who: Person, chat: "group" | "private"): Promise<void> {
  await page.selectOption("#person", String(who.id));
  await page.click(`button[data-chat="${chat}"]`);
  await expect.poll(() => page.getAttribute(`button[data-chat="${chat}"]`, "aria-selected")).toBe("true");
}

/** Types in the composer and sends with Enter, as a person would. */
async function write(text: string): Promise<void> {
  await page.fill("#composer", text);
  await page.press("#composer", "Enter");
  await expect.poll(() => page.inputValue("#composer")).toBe("");
}

/** The newest message in the open chat that has this text. */
function messageWith(text: string | RegExp): Locator {
  return page.locator("#messages .message").filter({ hasText: text }).last();
}

const card = () => page.locator("#messages .message").filter({ has: page.locator("button.inline-button", { hasText: "Katılıyorum" }) }).last();

beforeAll(async () => {
  dir = await tempDir("ortak-pg-");
  port = await freePort();
  proc = await startPlayground();
  people = ((await (await fetch(`${url()}/api/world`)).json()) as { people: Person[] }).people;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(url());
  await page.locator("#person option").nth(5).waitFor({ state: "attached" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proc?.stop("SIGTERM");
  await dir?.remove();
});

describe("the playground (npm start without BOT_TOKEN), driven in Chromium", () => {
  it("offers the coordinator and members of five organisations, one of them English-speaking", async () => {
    expect(people.filter((p) => p.role === "coordinator")).toHaveLength(1);
    expect(new Set(people.filter((p) => p.role === "member").map((p) => p.organisation)).size).toBe(5);
    const labels = await page.locator("#person option").allTextContents();
    expect(labels.some((label) => label.includes("Koordinatör"))).toBe(true);
    expect(await page.textContent("#group-title")).toContain("İzmir KDM Ağı (demo)");
  });

  it("runs a meeting: the coordinator creates 25 and invites; a member answers, replies with a head count and takes the calendar file", async () => {
    const coordinator = people.find((p) => p.role === "coordinator")!;
    const buca = person("Buca KDM");
    await actAs(coordinator, "group");
    await write("/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | Açılış; Yılın değerlendirmesi");
    await messageWith("25. toplantı oluşturuldu").waitFor({ state: "visible", timeout: 15_000 });
    await write("/invite 25");
    await card().waitFor({ state: "visible", timeout: 15_000 });
    // The card is pinned in the group.
    await page.locator("#pinned").waitFor({ state: "visible", timeout: 15_000 });
    const before = await card().locator(".message-text").textContent();

    await actAs(buca, "group");
    await card().locator("button.inline-button", { hasText: "Katılıyorum" }).click();
    await page.locator("#toast").waitFor({ state: "visible" });
    await expect.poll(() => page.textContent("#toast")).toContain("katılıyorsunuz");
    // The card's answers change in place (edits are paced a few seconds apart, as on Telegram).
    await expect.poll(() => card().locator(".message-text").textContent(), { timeout: 20_000 }).not.toBe(before);
    await expect.poll(() => card().locator(".message-text").textContent()).toContain("Buca KDM");
    await card().locator(".edited").waitFor({ state: "visible" });

    // A reply to the card with a head count: the bot reacts to it.
    const afterYes = await card().locator(".message-text").textContent();
    await card().hover();
    await card().locator("button.reply-to").click();
    await page.locator("#replying").waitFor({ state: "visible" });
    await write("2 kişiyiz");
    const reply = messageWith("2 kişiyiz");
    await reply.locator(".reply-preview").waitFor({ state: "visible" });
    await expect.poll(async () => ((await reply.locator(".reactions").textContent()) ?? "").trim().length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => card().locator(".message-text").textContent(), { timeout: 20_000 }).not.toBe(afterYes);

    // The calendar button sends the .ics privately; the page downloads it.
    await card().locator("button.inline-button", { hasText: "Takviminize ekleyin" }).click();
    await expect.poll(() => page.textContent("#toast")).toContain("özel mesajla");
    await actAs(buca, "private");
    const link = page.locator('#messages a.document[href^="/api/files/"]').filter({ hasText: ".ics" }).last();
    await link.waitFor({ state: "visible", timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await readFile((await download.path())!, "utf8");
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toContain("25");
    expect(event.startDate.toString()).toMatch(/^2027-03-17T10:00:00/);
    expect(event.location).toContain("Buca1923");

    await actAs(buca, "group");
    if (await page.isVisible("#intro-close")) await page.click("#intro-close");
    await page.setViewportSize({ width: 1100, height: 960 });
    await expect.poll(() => page.textContent("#toast"), { timeout: 10_000 }).toBe("");
    // The picture without the toast's fading background.
    await page.evaluate("document.querySelector('#toast').style.display = 'none'");
    await page.screenshot({ path: path.join(dir.path, "playground.png") });
    // README's picture, when asked for: PLAYGROUND_SCREENSHOT=docs/playground.png npm test
    if (process.env.PLAYGROUND_SCREENSHOT) await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });
  });

  it("shows a name typed with <script> as text, and runs nothing", async () => {
    const coordinator = people.find((p) => p.role === "coordinator")!;
    await actAs(coordinator, "private");
    const typed = "/org_add <script>window.pwned=1</script><img src=x onerror=window.pwned=2> Derneği | Bayraklı";
    await write(typed);
    await expect.poll(() => messageWith("Bayraklı").locator(".message-text").textContent()).toContain("<script>window.pwned=1</script>");
    // The bot's answer names the organisation; it too shows the tags as text.
    await expect.poll(() => page.locator("#messages .message").filter({ hasText: "<script>" }).count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator("#messages script, #messages img").count()).toBe(0);
    expect(await page.evaluate("window.pwned")).toBeUndefined();
  });

  it("opens the reply when the bot asks for one, as Telegram's apps do: the guided /meeting_new answered by typing", async () => {
    const coordinator = people.find((p) => p.role === "coordinator")!;
    await actAs(coordinator, "group");
    await write("/meeting_new");
    await page.locator("#replying").waitFor({ state: "visible", timeout: 15_000 });
    expect(await page.getAttribute("#composer", "placeholder")).toBe("17.03.2027");
    await write("20 Nisan 2027");
    await messageWith("saat kaçta başlayacak").waitFor({ state: "visible", timeout: 15_000 });
    await expect.poll(() => page.getAttribute("#composer", "placeholder")).toBe("10:00");
    // Someone else in the group is not asked.
    await actAs(person("Bornova KDM"), "group");
    expect(await page.isVisible("#replying")).toBe(false);
    await actAs(coordinator, "group");
    await write("/cancel_dialog");
    await expect.poll(() => page.isVisible("#replying"), { timeout: 15_000 }).toBe(false);
  });

  it("refuses what Telegram refuses, with Telegram's error, and stores nothing", async () => {
    const elif = person("Karşıyaka KDM");
    await actAs(elif, "group");
    const stored = (await world()).chats;
    const groupId = (await world()).group.id;
    await page.fill("#composer", "ç".repeat(4097));
    await page.click("#send");
    await expect.poll(() => page.locator("#error").textContent()).toContain("message is too long");
    expect(await page.inputValue("#composer")).toHaveLength(4097);
    expect((await world()).chats[groupId]).toHaveLength(stored[groupId]!.length);
    await page.fill("#composer", "");
  });

  it("fits a phone-sized window without sideways scrolling", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url());
    await expect.poll(() => phone.locator("#messages .message").count()).toBeGreaterThan(0);
    expect(await phone.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await phone.close();
  });

  it("keeps the world across a restart, and 'reset' starts it afresh", async () => {
    const groupId = (await world()).group.id;
    const before = (await world()).chats[groupId]!.map((message) => message.text);
    expect(await proc.stop("SIGTERM")).toBe(0);
    proc = await startPlayground();
    // Everything is still there (a card edit due at the stop may have changed a text since).
    expect((await world()).chats[groupId]!.length).toBeGreaterThanOrEqual(before.length);
    expect((await world()).chats[groupId]!.map((message) => message.text)).toContain(before[0]);
    await page.reload();
    await actAs(person("Buca KDM"), "group");
    await card().waitFor({ state: "visible" });

    // A cancelled meeting's card loses its buttons in place.
    const cardId = await card().getAttribute("data-message-id");
    await actAs(people.find((p) => p.role === "coordinator")!, "group");
    await write("/cancel 25 Salon bulunamadı");
    // Asked first: the number would stay cancelled.
    await messageWith("iptal etmek istediğinize emin misiniz").locator("button.inline-button", { hasText: "Evet, iptal et" }).click();
    await messageWith("25. toplantı iptal edildi").waitFor({ state: "visible", timeout: 15_000 });
    await expect.poll(() => page.locator(`#messages .message[data-message-id="${cardId}"] .inline-button`).count(), { timeout: 20_000 }).toBe(0);

    // kill -9 just as the invitations of 26 go out: after a start, every person has the card, and
    // no chat hands out a message id twice (the saved world is never behind the database).
    const coordinatorId = people.find((p) => p.role === "coordinator")!.id;
    await post("/api/send", { userId: coordinatorId, chatId: groupId, text: "/meeting_new 31 Mart 2027 10:00 | Bornova | Açılış" });
    await expect.poll(async () => texts(groupId).then((all) => all.some((text) => text.includes("26. toplantı oluşturuldu"))), { timeout: 15_000 }).toBe(true);
    await post("/api/send", { userId: coordinatorId, chatId: groupId, text: "/invite 26" });
    await expect.poll(async () => texts(people[1]!.id).then((all) => all.some((text) => text.startsWith("26. Toplantı"))), { timeout: 15_000 }).toBe(true);
    proc.signal("SIGKILL");
    await proc.exited;
    proc = await startPlayground();
    for (const someone of people) {
      // Sarah Miller reads Telegram in English.
      await expect.poll(async () => (await texts(someone.id)).filter((text) => /^(26\. Toplantı|Meeting 26):/.test(text)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      const ids = (await world()).chats[someone.id]!.map((message) => message.id);
      expect(new Set(ids).size).toBe(ids.length);
    }

    // The group's card of 26 arrives too, pinned: the pinned bar shows the newest pin. (The group
    // has had many messages this minute: its 20 a minute may hold the card back that long.)
    await page.reload();
    await actAs(person("Buca KDM"), "group");
    await expect.poll(() => page.textContent("#pinned-text"), { timeout: 75_000 }).toMatch(/^26\. Toplantı/);

    await page.click("#reset");
    await expect.poll(async () => (await world()).chats[groupId]?.length, { timeout: 60_000 }).toBe(0);
    await expect.poll(() => page.locator("#messages .message").count(), { timeout: 15_000 }).toBe(0);
    // The fresh world works: the coordinator can start again at 25.
    await actAs(people.find((p) => p.role === "coordinator")!, "group");
    await write("/meeting_new 24 Mart 2027 10:00 | Karşıyaka | Açılış");
    await messageWith("25. toplantı oluşturuldu").waitFor({ state: "visible", timeout: 15_000 });
  }, 180_000);

  it("npm run playground refuses to start when BOT_TOKEN is set; npm start -- --bot refuses without one", async () => {
    const refused = spawnOrtak({ BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", DATA_DIR: dir.path }, "src/main.ts", ["--playground"]);
    expect(await refused.exited).toBe(1);
    expect(refused.stderr()).toContain("the playground runs without Telegram, but BOT_TOKEN is set");
    const service = spawnOrtak({ DATA_DIR: dir.path }, "src/main.ts", ["--bot"]);
    expect(await service.exited).toBe(1);
    expect(service.stderr()).toContain("BOT_TOKEN is missing");
  });

  it("says in one line when the page's port is taken, and starts nothing", async () => {
    const other = await tempDir("ortak-pg2-");
    try {
      const second = spawnOrtak({ DATA_DIR: other.path, PLAYGROUND_PORT: String(port) });
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toBe(`ortak: 127.0.0.1:${port} is already in use (another playground?): stop that program, or set PLAYGROUND_PORT to a free port\n`);
      expect(existsSync(path.join(other.path, "playground", "ortak"))).toBe(false);
    } finally {
      await other.remove();
    }
  });
});
