import { DELIVERY_RATE } from "../../src/outbox/worker.ts";
import { TelegramEmulator, TELEGRAM_LIMITS } from "../../emulator/index.ts";
import { startBenchApp } from "./app.ts";

export interface FanoutResult {
  members: number;
  seconds: number;
  perSecond: number;
  ceiling: number;
  tooManyRequests: number;
  duplicates: number;
  misses: number;
  /** Time to plan the meeting's reminders (ledger rows and jobs). */
  planSeconds: number;
}

/**
 * 1,000 members due for the same reminder at the same moment, through ortak's own outbox worker,
 * queue and delivery (src/app.ts), to an emulator that enforces Telegram's flood limits.
 */
export async function measureFanout(members = 1000): Promise<FanoutResult> {
  const emulator = new TelegramEmulator({ limits: TELEGRAM_LIMITS });
  await emulator.start();
  const { app, db, close } = await startBenchApp(emulator);
  const { services } = app;
  try {
    const network = await db.prisma.network.create({ data: { name: "Yayın Ağı", seriesTitle: "Yayın Ağı", joinCode: "FANOUT01", quietFrom: 0, quietUntil: 0, reminderOffsets: [60] } });
    const users = Array.from({ length: members }, (_, i) => emulator.createUser({ first_name: `Üye ${i}`, language_code: i % 3 ? "tr" : "en" }));
    await db.prisma.telegramUser.createMany({ data: users.map((u) => ({ id: BigInt(u.id), firstName: u.first_name, languageCode: u.language_code ?? null, dmReachable: true })) });
    for (const user of users) user.startedBot = true;
    await db.prisma.member.createMany({ data: users.map((u) => ({ networkId: network.id, userId: BigInt(u.id) })) });
    // Every reminder falls due ten seconds from now, after planning.
    const startsAt = new Date(Date.now() + 10_000 + 60 * 60_000);
    const meeting = await db.prisma.meeting.create({
      data: { networkId: network.id, number: 1, title: "Yayın", agenda: ["Gündem"], startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), status: "invited" },
    });
    const memberRows = await db.prisma.member.findMany({ where: { networkId: network.id } });
    await db.prisma.rsvp.createMany({ data: memberRows.map((m) => ({ meetingId: meeting.id, memberId: m.id, status: "yes" as const, source: "button" as const })) });
    const planStarted = performance.now();
    await services.reminders.plan(meeting.id);
    const planSeconds = (performance.now() - planStarted) / 1000;

    const reminded = () => users.filter((u) => emulator.botMessagesIn(u.id).length > 0).length;
    await emulator.waitFor(() => reminded() === members || undefined, 10 * 60_000, "every reminder");
    // A little longer: a duplicate would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sendTimes = users.flatMap((u) => emulator.botMessagesIn(u.id).map((m) => m.versions[0]!.at)).sort((a, b) => a - b);
    const seconds = (sendTimes.at(-1)! - sendTimes[0]!) / 1000;
    const counts = users.map((u) => emulator.botMessagesIn(u.id).length);
    return {
      members,
      seconds,
      perSecond: (sendTimes.length - 1) / seconds,
      ceiling: DELIVERY_RATE.max / (DELIVERY_RATE.duration / 1000),
      tooManyRequests: emulator.servedErrors.filter((e) => e.errorCode === 429).length,
      duplicates: counts.reduce((sum, c) => sum + Math.max(0, c - 1), 0),
      misses: counts.filter((c) => c === 0).length,
      planSeconds,
    };
  } finally {
    await close();
    await emulator.stop();
  }
}
