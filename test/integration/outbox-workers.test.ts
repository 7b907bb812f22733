import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueue, type OrtakQueue } from "../../jobs/queue.ts";
import { Redis } from "ioredis";
import { QueueOutboxTransport } from "../../jobs/outbox.ts";
import { queuePriority } from "../../src/outbox/kinds.ts";
import { buildApp } from "../../src/app.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { silentLogger } from "../../src/logger.ts";
import { TelegramEmulator, type EmulatedUser } from "../../emulator/index.ts";
import { startTestRedis } from "../support/harness.ts";
import { startTestPostgres, type TestPostgres } from "../support/postgres.ts";

/** One ortak process's delivery side: its own database pool, Redis connections, worker and reconcile. */
interface DeliveryProcess {
  queue: OrtakQueue;
  close(): Promise<void>;
}

let server: TestPostgres;
let redisServer: Awaited<ReturnType<typeof startTestRedis>>;
let emulator: TelegramEmulator;
let setupDb: Database;
let queue: OrtakQueue;

/** A process that only delivers (no intake), as the composition root builds it; the reconcile looks every 300 ms unless told otherwise. */
async function startProcess(reconcileMs = 300): Promise<DeliveryProcess> {
  const db = await openDatabase({ kind: "postgres", url: server.url });
  const app = await buildApp({
    db,
    redis: { path: redisServer.socketPath },
    telegram: { kind: "bot", token: emulator.token, apiRoot: emulator.apiRoot },
    logger: silentLogger,
    outbox: { claimMs: 60_000, reconcileMs },
    delivery: "workers",
    intake: { kind: "none" },
  });
  return {
    queue: app.queue,
    close: async () => {
      await app.stop();
      await db.close();
    },
  };
}

beforeAll(async () => {
  server = await startTestPostgres();
  redisServer = await startTestRedis();
  emulator = new TelegramEmulator();
  await emulator.start();
  setupDb = await openDatabase({ kind: "postgres", url: server.url });
  queue = createQueue({ path: redisServer.socketPath, maxRetriesPerRequest: null });
}, 60_000);
afterAll(async () => {
  await queue?.close();
  await setupDb?.close();
  await emulator?.stop();
  await redisServer?.remove();
  await server?.stop();
});

/** A network with an invited meeting ahead and `count` members who started the bot and have not answered. */
async function membersToNudge(count: number, options: { dueInMs?: number; keyPrefix?: string } = {}): Promise<{ users: EmulatedUser[]; rows: { id: number; notBefore: Date; kind: string }[] }> {
  const { prisma } = setupDb;
  const network = await prisma.network.create({ data: { name: "İki İşçi Ağı", seriesTitle: "İki İşçi Ağı", joinCode: `W${Date.now()}`.slice(0, 12) } });
  const meeting = await prisma.meeting.create({
    data: { networkId: network.id, number: 25, title: "25. toplantı", startsAt: new Date("2027-03-17T07:00:00Z"), endsAt: new Date("2027-03-17T12:00:00Z"), status: "invited", invitedAt: new Date() },
  });
  const users = Array.from({ length: count }, (_, i) => emulator.createUser({ first_name: `Üye ${i}`, language_code: "tr" }));
  for (const user of users) user.startedBot = true;
  await prisma.telegramUser.createMany({ data: users.map((u) => ({ id: BigInt(u.id), firstName: u.first_name, languageCode: "tr", dmReachable: true })) });
  const members = await prisma.member.createManyAndReturn({ data: users.map((u) => ({ networkId: network.id, userId: BigInt(u.id) })), select: { id: true } });
  const rows = await prisma.outboxMessage.createManyAndReturn({
    data: members.map((m) => ({ dedupeKey: `${options.keyPrefix ?? "reminder"}:${meeting.id}:nudge:0:member:${m.id}`, kind: "nudge", networkId: network.id, meetingId: meeting.id, audience: `member:${m.id}`, notBefore: new Date(Date.now() + (options.dueInMs ?? 0)) })),
    select: { id: true, notBefore: true, kind: true },
  });
  return { users, rows };
}

async function waitUntil(done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("any number of delivery processes on one Redis and one PostgreSQL", () => {
  it("two workers deliver every row once, also when Redis loses its data half way and the reconcile restores the jobs", async () => {
    const processes: DeliveryProcess[] = [];
    let rows: { id: number }[] = [];
    const sentCount = () => setupDb.prisma.outboxMessage.count({ where: { id: { in: rows.map((r) => r.id) }, status: "sent" } });
    try {
      processes.push(await startProcess(), await startProcess());
      // Not under the planner's prefix: the processes' re-planning at start, still running, must not move them.
      const nudged = await membersToNudge(60, { keyPrefix: "by-hand" });
      rows = nudged.rows;
      const writer = new Redis({ path: redisServer.socketPath });
      const transport = new QueueOutboxTransport(queue, writer, queuePriority);
      // Each row's job is added twice (two writers racing): the job id makes it one.
      await transport.carry(nudged.rows);
      await transport.carry(nudged.rows);
      writer.disconnect();
      await waitUntil(async () => (await sentCount()) >= 20);
      // Redis loses its data while both run: the reconcile gives the rows left their jobs again.
      const flusher = new Redis({ path: redisServer.socketPath });
      await flusher.flushall();
      flusher.disconnect();
      await waitUntil(async () => (await sentCount()) === rows.length);
    } finally {
      for (const p of processes) await p.close();
    }
    const users = [...emulator.users.values()];
    const nudges = users.map((u) => emulator.botMessagesIn(u.id).filter((m) => m.text?.includes("25. toplantı")).length);
    expect(nudges).toEqual(users.map(() => 1));
  }, 120_000);

  it("a Redis killed and started again empty is noticed at once: the schedules come back and rows whose jobs were lost are sent without waiting for the periodic reconcile", async () => {
    // The periodic reconcile would not look again for ten minutes: only noticing the loss can bring the jobs back.
    const deliverer = await startProcess(10 * 60_000);
    try {
      // Not under the planner's prefix: the process's re-planning at start, still running, must not move them.
      const nudged = await membersToNudge(10, { dueInMs: 2_000, keyPrefix: "by-hand" });
      const writer = new Redis({ path: redisServer.socketPath });
      await new QueueOutboxTransport(queue, writer, queuePriority).carry(nudged.rows);
      writer.disconnect();
      expect((await deliverer.queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(["heartbeat", "retention"]);
      await redisServer.killAndRestartEmpty(300);
      const sentCount = () => setupDb.prisma.outboxMessage.count({ where: { id: { in: nudged.rows.map((r) => r.id) }, status: "sent" } });
      await waitUntil(async () => (await sentCount()) === nudged.rows.length, 30_000);
      const schedulers = await deliverer.queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key).sort()).toEqual(["heartbeat", "retention"]);
      for (const user of nudged.users) expect(emulator.botMessagesIn(user.id).filter((m) => m.text?.includes("25. toplantı"))).toHaveLength(1);
    } finally {
      await deliverer.close();
    }
  }, 60_000);
});
