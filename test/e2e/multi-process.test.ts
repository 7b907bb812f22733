import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator, type EmulatedUser, type StoredMessage } from "../../emulator/index.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { startTestRedis, tempDir } from "../support/harness.ts";
import { startTestPostgres, type TestPostgres } from "../support/postgres.ts";
import { checkPrivacy, enforcePrivacy } from "../support/privacy.ts";
import { freePort, sayTo, useSpawnedOrtak, type OrtakProcess } from "../support/process.ts";
import { roundRobinProxy } from "../support/round-robin.ts";

const spawnOrtak = useSpawnedOrtak();
const MEMBERS = 50;
let emulator: TelegramEmulator;
let postgres: TestPostgres;
let redis: Awaited<ReturnType<typeof startTestRedis>>;
let data: Awaited<ReturnType<typeof tempDir>>;
let db: Database;

beforeAll(async () => {
  emulator = new TelegramEmulator();
  await emulator.start();
  postgres = await startTestPostgres();
  redis = await startTestRedis();
  data = await tempDir("ortak-mp-");
}, 60_000);
enforcePrivacy(() => emulator);
afterAll(async () => {
  await db?.close();
  await emulator?.stop();
  await redis?.remove();
  await postgres?.stop();
  await data?.remove();
  checkPrivacy(emulator);
});

describe("two webhook bot processes and a worker on one PostgreSQL and one Redis", () => {
  it("500 updates from 50 members, one bot process SIGKILLed half way: every answer counted once, the card exact, every card sent once", async () => {
    const [portA, portB, portWorker] = [await freePort(), await freePort(), await freePort()];
    const proxy = await roundRobinProxy([`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`]);
    const shared = {
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: postgres.url,
      REDIS_URL: `unix://${redis.socketPath}`,
      DATA_DIR: data.path,
      OUTBOX_RECONCILE_SECONDS: "1",
      OUTBOX_CLAIM_SECONDS: "5",
    };
    const webhook = { ...shared, ROLE: "bot", BOT_MODE: "webhook", WEBHOOK_URL: `${proxy.url}/telegram`, WEBHOOK_SECRET: "cok_surec" };
    const worker = spawnOrtak({ ...shared, ROLE: "worker", PORT: String(portWorker) });
    await worker.waitForLog("ortak is running; Ctrl-C stops it", 60_000);
    const bots: OrtakProcess[] = [spawnOrtak({ ...webhook, PORT: String(portA) }), spawnOrtak({ ...webhook, PORT: String(portB) })];
    for (const bot of bots) await bot.waitForLog("webhook listening", 60_000);

    // The network, through the bots; its 50 members written directly (as after their /join).
    const derya = emulator.createUser({ first_name: "Derya", username: "derya_mp", language_code: "tr" });
    const members = Array.from({ length: MEMBERS }, (_, i) => emulator.createUser({ first_name: `Üye${i}`, username: `uye_${i}_mp`, language_code: i % 5 ? "tr" : "en" }));
    const group = emulator.createGroup({ title: "Çoklu Süreç Ağı", members: [{ user: derya, status: "creator" }, ...members.map((user) => ({ user }))] });
    await sayTo(emulator, derya, "private", "/start");
    await sayTo(emulator, derya, group, "/setup Çoklu Süreç Ağı");
    await sayTo(emulator, derya, group, "/org_add Buca KDM | Buca");
    await sayTo(emulator, derya, group, "/org_add Karşıyaka KDM | Karşıyaka");
    db = await openDatabase({ kind: "postgres", url: postgres.url });
    const network = await db.prisma.network.findFirstOrThrow({ where: { name: "Çoklu Süreç Ağı" }, include: { organisations: true } });
    await db.prisma.telegramUser.createMany({ data: members.map((u) => ({ id: BigInt(u.id), firstName: u.first_name, username: u.username!, languageCode: u.language_code!, dmReachable: true })) });
    await db.prisma.member.createMany({ data: members.map((u, i) => ({ networkId: network.id, userId: BigInt(u.id), organisationId: network.organisations[i % 2]!.id })) });
    for (const user of members) user.startedBot = true;
    await sayTo(emulator, derya, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Açılış");
    await sayTo(emulator, derya, group, "/invite 1");
    // A card has the answer buttons (/meeting 1 answers with the same heading, without them).
    const isCard = (m: StoredMessage) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data?.startsWith("rsvp:")) === true;
    const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find(isCard), 30_000, "the group card");
    const button = (label: string) => card.reply_markup!.inline_keyboard!.flat().find((b) => b.text.includes(label))!.callback_data!;
    const [yes, maybe, no, three] = [button("Katılıyorum"), button("Belki"), button("Katılamıyorum"), button("3 kişiyiz")];

    // Ten updates per member, in order per member, all members at once.
    let handled = 0;
    let killed = false;
    const counted = async <T>(action: Promise<T>) => {
      await action;
      if (++handled === (MEMBERS * 10) / 2 && !killed) {
        killed = true;
        bots[0]!.signal("SIGKILL");
      }
    };
    // A press in flight when its process died never gets its toast (Telegram's 15 s pass); its answer still counts.
    const press = (user: EmulatedUser, button: string) => counted(emulator.pressButton(user, group.id, card.message_id, button, { timeoutMs: 20_000 }).catch(() => undefined));
    const reply = (user: EmulatedUser, text: string) =>
      counted(
        (async () => {
          const { message } = emulator.sendText(user, group, text, { replyTo: card.message_id });
          await emulator.waitFor(() => message.reactions.length > 0 || emulator.botMessagesIn(group.id).some((m) => m.replyToMessageId === message.message_id) || undefined, 120_000, "an answer to a reply");
        })(),
      );
    const command = (user: EmulatedUser, text: string) =>
      counted(
        (async () => {
          const { message } = emulator.sendText(user, "private", text);
          await emulator.nextBotMessage(user.id, message.message_id, 120_000);
        })(),
      );
    await Promise.all(
      members.map(async (user, i) => {
        await press(user, yes);
        await press(user, maybe);
        await reply(user, "2 kişiyiz");
        await press(user, no);
        await command(user, "/meeting 1");
        await press(user, maybe);
        await reply(user, "gelemiyorum");
        await command(user, "/whoami");
        await press(user, yes);
        await press(user, i % 2 === 0 ? three : yes);
      }),
    );
    expect(killed).toBe(true);
    expect(proxy.served[0]).toBeGreaterThan(0);
    expect(proxy.served[1]).toBeGreaterThan(0);

    // Every member's last answer is what is stored: yes, 3 people for even members, 1 for odd.
    const meeting = await db.prisma.meeting.findFirstOrThrow({ where: { networkId: network.id, number: 1 } });
    await expect
      .poll(async () => (await db.prisma.rsvp.findMany({ where: { meetingId: meeting.id, member: { userId: { in: members.map((u) => BigInt(u.id)) } } } })).map((r) => `${r.status}:${r.partySize}`).sort(), { timeout: 120_000, interval: 500 })
      .toEqual(members.map((_, i) => (i % 2 === 0 ? "yes:3" : "yes:1")).sort());
    // The card shows exactly that (edits coalesce: the last one is exact).
    await expect.poll(() => card.text, { timeout: 60_000, interval: 500 }).toContain("Toplam: 100 kişi katılıyor · 0 kişi belki katılacak · 0 kişi katılamıyor");
    // Every card went out once: one in the group, one privately to each member.
    expect(emulator.botMessagesIn(group.id).filter(isCard)).toHaveLength(1);
    for (const user of members) expect(emulator.botMessagesIn(user.id).filter(isCard), `card DMs to ${user.first_name}`).toHaveLength(1);
    // Every command answered: a card and two answers each (besides Buca's host proposal). An update
    // the killed process had answered but not yet marked handled is answered again by the other
    // (the README's window).
    // A "yes" in the group also offers the support-needs buttons privately, once per member.
    const offers = (user: EmulatedUser) => emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("🤝")).length;
    await expect.poll(() => members.map(offers), { timeout: 60_000, interval: 500 }).toEqual(members.map(() => 1));
    const privately = members.reduce((sum, user) => sum + emulator.botMessagesIn(user.id).filter((m) => !m.text?.startsWith("🏠") && !m.text?.startsWith("🤝")).length, 0);
    expect(privately).toBeGreaterThanOrEqual(3 * MEMBERS);
    expect(privately - 3 * MEMBERS).toBeLessThanOrEqual(5);

    await proxy.close();
    expect(await bots[1]!.stop("SIGTERM")).toBe(0);
    expect(await worker.stop("SIGTERM")).toBe(0);
  }, 300_000);
});
