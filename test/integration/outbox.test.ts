import { Redis } from "ioredis";
import { confirmCancel } from "../support/cancel-confirm.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SendBudget, TELEGRAM_BUDGET } from "../../src/outbox/budget.ts";
import { chatAudience } from "../../src/outbox/audience.ts";
import { deliveryJobId } from "../../jobs/outbox.ts";
import { ApiError } from "../../emulator/index.ts";
import { startTestRedis } from "../support/harness.ts";
import { useScenario } from "../support/scenario.ts";

describe("Telegram's budgets, shared in Redis", () => {
  let server: Awaited<ReturnType<typeof startTestRedis>>;
  let redis: Redis;
  let now = 1_000_000;
  beforeAll(async () => {
    server = await startTestRedis();
    redis = new Redis({ path: server.socketPath });
  });
  afterAll(async () => {
    redis.disconnect();
    await server.remove();
  });

  it("a chat takes a burst of 2 and then one a second, leaving one message of its 3 for answers", async () => {
    const budget = new SendBudget(redis, TELEGRAM_BUDGET, () => now);
    expect([await budget.take(42), await budget.take(42)]).toEqual([0, 0]);
    expect(await budget.take(42)).toBe(1000);
    now += 1000;
    expect(await budget.take(42)).toBe(0);
    // An answer to a person in a group uses the token kept for it: the outbox waits the longer.
    expect([await budget.take(-42), await budget.take(-42)]).toEqual([0, 0]);
    now += 1000;
    await budget.transformer(async () => ({ ok: true as const, result: { message_id: 1 } as never }), "sendMessage", { chat_id: -42, text: "x" }, undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await budget.take(-42)).toBe(1000);
    // Another chat has its own bucket.
    expect(await budget.take(43)).toBe(0);
  });

  it("a group gives the outbox 15 a minute and keeps 5 for answers; answers count against it", async () => {
    const budget = new SendBudget(redis, TELEGRAM_BUDGET, () => now);
    const group = -1001;
    let taken = 0;
    for (let i = 0; i < 30; i++) {
      if ((await budget.take(group)) === 0) taken++;
      now += 1000;
    }
    // 30 seconds: the bucket refilled each time, the group's minute allowed 15.
    expect(taken).toBe(15);
    const other = -1002;
    // As the bot's API reports its answers: fifteen sent to the group.
    const answered = async () => ({ ok: true as const, result: { message_id: 1 } as never });
    for (let i = 0; i < 15; i++) {
      await budget.transformer(answered, "sendMessage", { chat_id: other, text: "x" }, undefined);
      now += 1000;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Fifteen answers in the group's minute leave no room for the outbox.
    expect(await budget.take(other)).toBeGreaterThan(0);
  });

  it("a 429 pauses the chat for retry_after", async () => {
    const budget = new SendBudget(redis, TELEGRAM_BUDGET, () => now);
    await budget.pause(77, 7000);
    expect(await budget.take(77)).toBe(7000);
    now += 7001;
    // The pause key expires by Redis's own clock; the script compares with ours.
    expect(await budget.take(77)).toBe(0);
  });
});

describe("a group upgraded to a supergroup", () => {
  const scenario = useScenario();
  it("is followed to its new id: the link moves, the message arrives there, once", async () => {
    const { emulator, say } = scenario;
    const admin = emulator.createUser({ first_name: "Derya", username: "derya_up", language_code: "tr" });
    const group = emulator.createGroup({ title: "Küçük Grup", type: "group", members: [{ user: admin, status: "creator" }] });
    await say(admin, group, "/setup Yükselen Ağ");
    await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
    const { prisma } = scenario.db;
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { network: { name: "Yükselen Ağ" } } });
    const chat = await prisma.chat.findFirstOrThrow({ where: { telegramChatId: BigInt(group.id) } });
    const supergroup = emulator.upgradeToSupergroup(group);
    await scenario.running.services.outbox.transaction((out) =>
      out.write([{ dedupeKey: `test-checkin:${meeting.id}`, kind: "checkin-card", networkId: meeting.networkId, meetingId: meeting.id, audience: chatAudience(chat) }]),
    );
    await scenario.deliver();
    expect((await prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).telegramChatId).toBe(BigInt(supergroup.id));
    expect(emulator.botMessagesIn(supergroup.id).filter((m) => m.text?.includes("25."))).toHaveLength(0);
    const checkIns = emulator.botMessagesIn(supergroup.id).filter((m) => m.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith("in:"));
    expect(checkIns).toHaveLength(1);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `test-checkin:${meeting.id}` } })).toMatchObject({ status: "sent", audience: `chat:${supergroup.id}:0` });
  });
});

describe("faults around the outbox", () => {
  const scenario = useScenario();

  it("a permanent 400 fails the message at once and tells the organisers once per meeting and kind", async () => {
    const { admin, group } = await scenario.networkWithMeeting("Reddedilen Ağ", "Gündem");
    await scenario.say(admin, group, "/invite 25");
    const { prisma } = scenario.db;
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { network: { name: "Reddedilen Ağ" } } });
    const chat = await prisma.chat.findFirstOrThrow({ where: { telegramChatId: BigInt(group.id) } });
    const before = await prisma.outboxMessage.count();
    for (const n of [1, 2]) {
      scenario.emulator.failNext("sendMessage", new ApiError(400, "Bad Request: not enough rights to send text messages to the chat"), group.id);
      await scenario.running.services.outbox.transaction((out) =>
        out.write([{ dedupeKey: `test-refused:${n}`, kind: "checkin-card", networkId: meeting.networkId, meetingId: meeting.id, audience: chatAudience(chat) }]),
      );
      await scenario.deliver();
      expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `test-refused:${n}` } })).toMatchObject({ status: "failed", attempts: 0, reason: "Bad Request: not enough rights to send text messages to the chat" });
    }
    // Two rows, and one notice to the one organiser.
    expect(await prisma.outboxMessage.count()).toBe(before + 3);
    expect(scenario.emulator.botMessagesIn(admin.id).filter((m) => m.text?.startsWith("⚠️")).map((m) => m.text)).toEqual([
      "⚠️ 25. toplantının bir hatırlatması birkaç denemeye rağmen gönderilemedi. Ayrıntılar için /reminders 25 yazın.",
    ]);
  });

  it("with Redis not taking writes, a command that writes outbox rows still answers; the row gets its job once Redis does", async () => {
    const { admin, group } = await scenario.networkWithMeeting("Yavaş Redis Ağı", "Gündem");
    await scenario.say(admin, group, "/invite 25");
    const redis = new Redis({ path: scenario.redisPath });
    try {
      // Every write to Redis waits for ten seconds; the queue's client waits with it.
      await redis.call("CLIENT", "PAUSE", "10000", "WRITE");
      const { message } = scenario.emulator.sendText(admin, group, "/cancel 25");
      const question = await scenario.emulator.nextBotMessage(group.id, message.message_id, 8000);
      const answer = await confirmCancel(scenario.emulator, admin, question, { timeoutMs: 8000 });
      expect(answer?.text).toBe("25. toplantı iptal edildi; duyuru bağlı sohbetlere gönderiliyor. Bu numara bir daha kullanılmayacak.");
      const notice = await scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "meeting-notice", audience: `chat:${group.id}:0` } });
      // Answered while the queue could not take the notice's job yet (asked on a connection of our own:
      // the queue's own connection waits behind its blocked write).
      expect(await redis.exists(scenario.queue.toKey(deliveryJobId(notice)))).toBe(0);
      await redis.call("CLIENT", "UNPAUSE");
      await scenario.running.ortak.inFlight.drain();
      await vi.waitFor(async () => expect(await scenario.queue.getJob(deliveryJobId(notice))).toBeDefined(), { timeout: 10_000 });
      await scenario.deliver();
      expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith("❌ 25. toplantı iptal edildi."))).toHaveLength(1);
    } finally {
      await redis.call("CLIENT", "UNPAUSE").catch(() => undefined);
      redis.disconnect();
    }
  });
});

describe("what Redis holds", () => {
  const scenario = useScenario();

  it("only rows due within twenty minutes (two of the longest reconcile intervals) get their job at once; the reconcile gives a later row its job when it comes within its window, and it is sent once", async () => {
    const { group } = await scenario.networkWithMeeting("Ufuk Ağı", "Gündem");
    const { prisma } = scenario.db;
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { network: { name: "Ufuk Ağı" } } });
    const chat = await prisma.chat.findFirstOrThrow({ where: { telegramChatId: BigInt(group.id) } });
    const soon = new Date(Date.now() + 1_000);
    const later = new Date(Date.now() + 3 * 3_600_000);
    await scenario.running.services.outbox.transaction((out) =>
      out.write([
        { dedupeKey: `test-soon:${meeting.id}`, kind: "checkin-card", networkId: meeting.networkId, meetingId: meeting.id, audience: chatAudience(chat), notBefore: soon },
        { dedupeKey: `test-later:${meeting.id}`, kind: "checkin-card", networkId: meeting.networkId, meetingId: meeting.id, audience: chatAudience(chat), notBefore: later },
      ]),
    );
    await scenario.running.services.outbox.handedOver();
    const rowOf = (key: string) => prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `${key}:${meeting.id}` } });
    const jobOf = async (key: string) => scenario.queue.getJob(deliveryJobId(await rowOf(key)));
    expect(await jobOf("test-soon")).toBeDefined();
    expect(await jobOf("test-later")).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await scenario.deliver();
    expect(await rowOf("test-soon")).toMatchObject({ status: "sent" });

    // Three hours on, the reconcile (as it runs every minute) carries it, and it goes out once.
    vi.useFakeTimers({ toFake: ["Date"], now: later.getTime() - 30_000 });
    try {
      await scenario.running.reconciler.reconcile();
      const payload = { id: (await rowOf("test-later")).id, notBefore: later.getTime() };
      expect((await jobOf("test-later"))?.data).toEqual(payload);
      vi.setSystemTime(later.getTime() + 1);
      // As the worker runs the job at its time; a second run (a duplicate job) sends nothing.
      expect(await scenario.running.delivery.deliver(payload)).toBe("sent");
      expect(await scenario.running.delivery.deliver(payload)).not.toBe("sent");
      expect(await rowOf("test-later")).toMatchObject({ status: "sent" });
      // One card for each of the two rows, none twice.
      expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith("in:"))).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the reconcile goes through its whole window page by page: more rows than one page all get their jobs", async () => {
    const { prisma } = scenario.db;
    const at = new Date(Date.now() + 60_000);
    const count = 5_001;
    await prisma.outboxMessage.createMany({ data: Array.from({ length: count }, (_, i) => ({ dedupeKey: `test-page:${i}`, kind: "checkin-card", networkId: null, audience: "chat:-1:0", notBefore: at })) });
    try {
      expect((await scenario.running.reconciler.reconcile()).repaired).toBe(count);
      const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "test-page:" } }, select: { id: true, notBefore: true }, orderBy: { id: "desc" }, take: 3 });
      for (const row of rows) expect(await scenario.queue.getJob(deliveryJobId(row))).toBeDefined();
      expect((await scenario.running.reconciler.reconcile()).repaired).toBe(0);
    } finally {
      const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "test-page:" } }, select: { id: true, notBefore: true, kind: true } });
      for (const row of rows) await scenario.running.services.outbox.transport.remove(row);
      await prisma.outboxMessage.deleteMany({ where: { dedupeKey: { startsWith: "test-page:" } } });
    }
  }, 60_000);
});
