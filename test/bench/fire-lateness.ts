import { Queue, Worker } from "bullmq";
import { TelegramEmulator, TELEGRAM_LIMITS } from "../../emulator/index.ts";
import { startTestRedis } from "../support/harness.ts";
import { startBenchApp, until } from "./app.ts";
import { quantile } from "./stats.ts";

export interface LatenessResult {
  reminders: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const HOUR = 3_600_000;

/** When the n-th of `count` reminders falls due: spread over 20 s, starting 8 s from now (after planning). */
const dueTimes = (count: number, origin: number): number[] => Array.from({ length: count }, (_, i) => origin + 8_000 + Math.round((i * 20_000) / count));

function summary(latencies: number[]): LatenessResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { reminders: sorted.length, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1)! };
}

/**
 * Reminder fire lateness through ortak: `count` reminders, each to its own member, fall due at
 * spread-out moments; lateness is the row's sent time (after Telegram answered) minus the time
 * it was planned for. Telegram's limits are on; the rate stays well under them.
 */
export async function measureFireLateness(count = 200): Promise<LatenessResult> {
  const emulator = new TelegramEmulator({ limits: TELEGRAM_LIMITS });
  await emulator.start();
  const { app, db, close } = await startBenchApp(emulator);
  try {
    const origin = Date.now();
    const due = dueTimes(count, origin);
    const meetingIds: number[] = [];
    for (const [i, fireAt] of due.entries()) {
      const user = emulator.createUser({ first_name: `Üye ${i}`, language_code: "tr" });
      user.startedBot = true;
      const network = await db.prisma.network.create({ data: { name: `Ağ ${i}`, seriesTitle: `Ağ ${i}`, joinCode: `FIRE${String(i).padStart(4, "0")}`, quietFrom: 0, quietUntil: 0, reminderOffsets: [60] } });
      await db.prisma.telegramUser.create({ data: { id: BigInt(user.id), firstName: user.first_name, languageCode: "tr", dmReachable: true } });
      const member = await db.prisma.member.create({ data: { networkId: network.id, userId: BigInt(user.id) } });
      const startsAt = new Date(fireAt + HOUR);
      const meeting = await db.prisma.meeting.create({
        data: { networkId: network.id, number: 1, title: "Toplantı", agenda: ["Gündem"], startsAt, endsAt: new Date(startsAt.getTime() + HOUR), status: "invited" },
      });
      await db.prisma.rsvp.create({ data: { meetingId: meeting.id, memberId: member.id, status: "yes", source: "button" } });
      meetingIds.push(meeting.id);
    }
    if (Date.now() > due[0]! - 1_000) throw new Error("planning took longer than the head start; raise it");
    for (const id of meetingIds) await app.services.reminders.plan(id);
    const isReminder = { meetingId: { in: meetingIds }, kind: "before", offsetMinutes: 60 };
    await until(async () => (await db.prisma.outboxMessage.count({ where: { ...isReminder, status: "sent" } })) === count, 120_000, "every reminder sent");
    const rows = await db.prisma.outboxMessage.findMany({ where: isReminder, select: { notBefore: true, sentAt: true } });
    return summary(rows.map((row) => row.sentAt!.getTime() - row.notBefore.getTime()));
  } finally {
    await close();
    await emulator.stop();
  }
}

/** The same moments as plain BullMQ delayed jobs on their own redis-server: what the queue alone gives. */
export async function measureBareQueueLateness(count = 200): Promise<LatenessResult> {
  const redis = await startTestRedis();
  const connection = { path: redis.socketPath, maxRetriesPerRequest: null };
  const queue = new Queue("lateness", { connection });
  const latencies: number[] = [];
  const worker = new Worker<{ at: number }>("lateness", async (job) => void latencies.push(Date.now() - job.data.at), { connection, concurrency: 10 });
  try {
    const due = dueTimes(count, Date.now());
    await queue.addBulk(due.map((at, i) => ({ name: "fire", data: { at }, opts: { jobId: `j${i}`, delay: at - Date.now(), removeOnComplete: true } })));
    await until(async () => latencies.length === count, 120_000, "every job");
    return summary(latencies);
  } finally {
    await worker.close();
    await queue.close();
    await redis.remove();
  }
}
