import type { Database, PrismaClient } from "../../src/db/client.ts";
import { TelegramEmulator } from "../../emulator/index.ts";
import { startBenchApp } from "./app.ts";

export interface PlanningResult {
  meetings: number;
  membersPerMeeting: number;
  rows: number;
  firstPlanSeconds: number;
  /** What a starting process does: every meeting ahead re-planned (nothing new), then one reconcile. */
  replanSeconds: number;
  reconcileSeconds: number;
  replanQueries: number;
  reconcileQueries: number;
  /** Redis's memory once every row has its delayed job. */
  redisMb: number;
}

/** The database as ortak sees it, counting every Prisma operation (raw queries included). */
function counting(db: Database, counter: { queries: number }): Database {
  const prisma = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.queries++;
        return query(args);
      },
    },
  });
  // The extended client answers every call the plain one does; its type only differs by the extension.
  return { ...db, prisma: prisma as unknown as PrismaClient };
}

/**
 * `networks` networks of `members` members each, every one with `meetingsPerNetwork` invited
 * meetings ahead (a month or more away) and a linked group: the reminders planned for all of
 * them, then what every start does again (re-plan every meeting ahead, reconcile the outbox
 * with the queue). The query counts show the cost per meeting does not grow with the rows.
 */
export async function measurePlanning(networks: number, meetingsPerNetwork: number, members: number): Promise<PlanningResult> {
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const counter = { queries: 0 };
  const { app, db, close } = await startBenchApp(emulator, { seeing: (opened) => counting(opened, counter) });
  try {
    const day = 86_400_000;
    let userId = 10_000_000;
    for (let n = 0; n < networks; n++) {
      const network = await db.prisma.network.create({ data: { name: `Ağ ${n}`, seriesTitle: `Ağ ${n}`, joinCode: `PLAN${String(n).padStart(4, "0")}`, reminderOffsets: [1440, 120] } });
      await db.prisma.chat.create({ data: { networkId: network.id, telegramChatId: BigInt(-1_000_000_000 - n) } });
      const ids = Array.from({ length: members }, () => BigInt(userId++));
      await db.prisma.telegramUser.createMany({ data: ids.map((id) => ({ id, firstName: "Üye", dmReachable: true })) });
      await db.prisma.member.createMany({ data: ids.map((id, i) => ({ networkId: network.id, userId: id, role: i === 0 ? ("organiser" as const) : ("member" as const) })) });
      await db.prisma.meeting.createMany({
        data: Array.from({ length: meetingsPerNetwork }, (_, m) => {
          const startsAt = new Date(Date.now() + (30 + 7 * m) * day);
          return { networkId: network.id, number: m + 1, title: "Toplantı", agenda: ["Gündem"], startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), status: "invited" as const };
        }),
      });
    }
    const timed = async <T>(work: () => Promise<T>) => {
      const [before, started] = [counter.queries, performance.now()];
      await work();
      return { seconds: (performance.now() - started) / 1000, queries: counter.queries - before };
    };
    const first = await timed(() => app.services.reminders.replanAhead());
    const rows = await db.prisma.outboxMessage.count();
    await app.services.outbox.handedOver();
    const redisMb = Number(/used_memory:(\d+)/.exec(await app.redis.info("memory"))![1]) / 1_048_576;
    const replan = await timed(() => app.services.reminders.replanAhead());
    const reconcile = await timed(() => app.reconciler.reconcile());
    return {
      meetings: networks * meetingsPerNetwork,
      membersPerMeeting: members,
      rows,
      firstPlanSeconds: first.seconds,
      replanSeconds: replan.seconds,
      reconcileSeconds: reconcile.seconds,
      replanQueries: replan.queries,
      reconcileQueries: reconcile.queries,
      redisMb,
    };
  } finally {
    await close();
    await emulator.stop();
  }
}
