import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendBudget, TELEGRAM_BUDGET } from "../../src/outbox/budget.ts";
import { chatAudience } from "../../src/outbox/audience.ts";
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
    // An answer to a person there uses the token kept for it: the outbox waits the longer.
    await budget.transformer(async () => ({ ok: true as const, result: { message_id: 1 } as never }), "sendMessage", { chat_id: 42, text: "x" }, undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    now += 1000;
    expect(await budget.take(42)).toBe(1000);
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
