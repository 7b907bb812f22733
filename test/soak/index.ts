// npm run soak: ortak's processes (ROLE=bot and ROLE=worker) on PostgreSQL and Redis, 500
// members answering in 20 meetings while Telegram (the emulator) fails now and then, Redis is
// killed and comes back empty, and a worker is SIGKILLed. Prints one table; exit code 1 when a
// check fails. Not part of `npm test`: it runs for several minutes.
import { writeFileSync } from "node:fs";
import { describeViolations } from "../../emulator/index.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { checkAnswers, checkCards, checkDelivery, checkReminders, checkRows, type Check, type KilledWorker } from "./checks.ts";
import { Cluster } from "./cluster.ts";
import { Members, TYPED_TEXTS } from "./members.ts";
import { count, percentile, seconds, table } from "./report.ts";
import { fromEnvironment, type SoakSettings } from "./settings.ts";
import { Watch } from "./watch.ts";
import { buildWorld, type SoakMeeting } from "./world.ts";

const say = (line: string) => process.stderr.write(`[soak] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no outbox row is due within 10 s and every update is confirmed, three checks in a row. */
async function settle(db: Database, cluster: Cluster, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const due = await db.prisma.outboxMessage.count({ where: { status: { in: ["scheduled", "sending"] }, notBefore: { lte: new Date(Date.now() + 10_000) } } });
    quiet = due === 0 && cluster.emulator.pendingUpdateCount === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return true;
    await sleep(1_000);
  }
  return false;
}

async function progress(db: Database, cluster: Cluster, members: Members, started: number): Promise<void> {
  const sent = await db.prisma.outboxMessage.count({ where: { status: "sent" } }).catch(() => -1);
  const waiting = await db.prisma.outboxMessage.count({ where: { status: { in: ["scheduled", "sending"] }, notBefore: { lte: new Date() } } }).catch(() => -1);
  say(`+${Math.round((Date.now() - started) / 1000)} s: ${count(members.stats.updates)} updates, outbox ${count(sent)} sent / ${count(waiting)} due, ${count(cluster.emulator.faults.injected.length)} faults injected`);
}

async function soak(settings: SoakSettings): Promise<boolean> {
  const started = Date.now();
  say(`starting PostgreSQL, Redis, the emulator and ${settings.workers} workers + ${settings.intake === "webhook" ? "2 webhook bot processes" : "1 polling bot process"}`);
  const cluster = await Cluster.start(settings);
  const db = await openDatabase({ kind: "postgres", url: cluster.postgres.url });
  let dbOpen = true;
  const closeDb = async () => {
    if (dbOpen) await db.close();
    dbOpen = false;
  };
  const watch = new Watch(cluster.emulator);
  let exitCodes: { name: string; code: number | null }[] = [];
  try {
    say(`processes up after ${seconds(Date.now() - started)}; setting up ${settings.networks} networks through the bot`);
    const networks = await buildWorld(cluster.emulator, db, settings);
    const meetings: SoakMeeting[] = networks.flatMap((n) => n.meetings);
    const lastEarlyStart = Math.max(...meetings.filter((m) => m.early).map((m) => m.startsAt.getTime()));

    const phaseStart = Date.now();
    const phaseEnd = phaseStart + settings.answeringSeconds * 1000;
    say(`world ready after ${seconds(phaseStart - started)}: ${meetings.length} meetings invited; members answer for ${settings.answeringSeconds} s, faults on`);
    cluster.emulator.injectFaults({ seed: settings.seed, ...settings.faults });
    const servedBefore = cluster.emulator.servedErrors.length;
    const killed: KilledWorker[] = [];
    const incidents: Promise<unknown>[] = [
      sleep(settings.redisKillAt * 1000).then(async () => {
        say("Redis: kill -9, its files deleted, restarted empty");
        await cluster.redis.killAndRestartEmpty(settings.redisDownSeconds * 1000);
      }),
      sleep(settings.workerKillAt * 1000).then(async () => {
        killed.push({ name: "worker-1", at: Date.now() });
        cluster.kill("worker-1");
        say("worker-1: kill -9; worker-new starting");
        await cluster.spawn("worker", "worker-new");
      }),
    ];
    const members = new Members(cluster.emulator, watch, settings);
    const ticker = setInterval(() => void progress(db, cluster, members, phaseStart), 20_000);
    try {
      await Promise.all([members.run(networks, phaseEnd), ...incidents]);
      // Faults go on until the meetings of the run have started (their reminders and check-in cards go out under them too).
      const faultsEnd = Math.max(Date.now(), lastEarlyStart + 15_000);
      say(`members done after ${seconds(Date.now() - phaseStart)}; faults go on until the early meetings started (${seconds(faultsEnd - Date.now())} more)`);
      await sleep(faultsEnd - Date.now());
      cluster.emulator.injectFaults(undefined);
      say("faults off; waiting for the outbox to drain");
      const drained = await settle(db, cluster, 180_000);
      if (!drained) say("the outbox did not drain within 180 s; checking anyway");
    } finally {
      clearInterval(ticker);
    }
    const phaseMs = phaseEnd - phaseStart;

    say("checking");
    const answers = await checkAnswers(db, members.ledger, meetings);
    const cards = await checkCards(db, cluster.emulator, meetings);
    const delivery = await checkDelivery(db, cluster.emulator, watch, killed);
    const rows = await checkRows(db);
    const reminders = await checkReminders(db, meetings);
    const violations = [...cluster.emulator.privacy.violations];
    const logText = JSON.stringify(cluster.allLogs()) + cluster.processes.map((p) => p.proc.stderr()).join("\n");
    const leaked = [cluster.emulator.token, ...TYPED_TEXTS.filter((t) => t.length > 5)].filter((secret) => logText.includes(secret));
    const checks: Check[] = [
      answers,
      cards,
      delivery.check,
      rows.stuck,
      rows.failed,
      reminders.check,
      { name: "privacy guard", ok: violations.length === 0, detail: `${violations.length} group messages naming a person`, ...(violations.length > 0 ? { examples: describeViolations(violations.slice(0, 5)).split("\n") } : {}) },
      {
        name: "processes that stopped by themselves",
        ok: cluster.unexpectedExits.length === 0,
        detail: `${cluster.unexpectedExits.length}`,
        ...(cluster.unexpectedExits.length > 0 ? { examples: cluster.unexpectedExits.map((e) => `${e.name} exited ${e.code}: ${e.lastLog}`) } : {}),
      },
      { name: "updates left unconfirmed", ok: cluster.emulator.pendingUpdateCount === 0, detail: `${cluster.emulator.pendingUpdateCount}` },
      { name: "logs free of the token and typed texts", ok: leaked.length === 0, detail: leaked.length === 0 ? "yes" : `${leaked.length} found` },
    ];

    const workerSends = watch.sends.filter((s) => s.via.startsWith("worker"));
    const workerEdits = watch.edits.filter((s) => s.via.startsWith("worker"));
    const deliveryTimes = [...workerSends, ...workerEdits].map((s) => s.at);
    const deliveryMs = Math.max(1, Math.max(...deliveryTimes) - Math.min(...deliveryTimes));
    const injected = cluster.emulator.faults.counts();
    const injected429 = Object.entries(injected).filter(([k]) => k.endsWith(" 429")).reduce((sum, [, n]) => sum + n, 0);
    const flood429 = cluster.emulator.servedErrors.slice(servedBefore).filter((e) => e.errorCode === 429).length - injected429;
    const faultList = Object.entries(injected)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, n]) => `${kind} ×${n}`)
      .join(", ");
    // What the processes warned about, by message (never texts: ortak logs ids only).
    const warnings = new Map<string, number>();
    for (const line of cluster.allLogs()) if (Number(line.level) >= 40) warnings.set(String(line.msg), (warnings.get(String(line.msg)) ?? 0) + 1);
    const topWarnings = [...warnings].sort(([, a], [, b]) => b - a).slice(0, 6);
    const stats = members.stats;
    const memberCount = networks.reduce((sum, n) => sum + n.members.length, 0);
    const figures: [string, string][] = [
      ["wall time", `${seconds(Date.now() - started)} (members answering ${seconds(phaseMs)})`],
      ["members, meetings", `${memberCount} members in ${networks.length} networks, ${meetings.length} meetings (${meetings.filter((m) => m.early).length} starting in the run); ${count(members.ledger.size)} member-meeting answers`],
      ["updates from members", `${count(stats.updates)} (${(stats.updates / (phaseMs / 1000)).toFixed(1)}/s); answered in p50 ${seconds(percentile(stats.ackMs, 50))}, p95 ${seconds(percentile(stats.ackMs, 95))}; ${stats.unacknowledged} never answered, ${stats.retriedAfterError} tried again after an error, ${stats.refusedClosed} refused as closed`],
      ["messages from the outbox", `${count(workerSends.length)} sent + ${count(workerEdits.length)} card edits (${((workerSends.length + workerEdits.length) / (deliveryMs / 1000)).toFixed(1)}/s over ${seconds(deliveryMs)})`],
      [
        "reminders in the run: sent, late by p50 / max",
        Object.entries(reminders.figures.latenessSeconds)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kind, late]) => `${kind} ${late.length}, ${percentile(late, 50).toFixed(1)} s / ${Math.max(...late).toFixed(1)} s`)
          .join("; "),
      ],
      ["faults injected", `${faultList}; Redis killed and restarted empty ×1; worker SIGKILLed ×${killed.length}`],
      ["Telegram flood 429s ortak ran into (not injected)", `${flood429}`],
      ["outbox rows by status", Object.entries(rows.byStatus).map(([s, n]) => `${s} ${count(n)}`).join(", ")],
    ];
    if (cluster.webhookServed) figures.push(["webhook requests per bot process", cluster.webhookServed.map(count).join(" / ")]);
    if (topWarnings.length > 0) figures.push(["warnings logged (most frequent)", topWarnings.map(([msg, n]) => `${n} × “${msg}”`).join("; ")]);
    if (stats.otherAnswers.size > 0) figures.push(["other answers members got", [...stats.otherAnswers].map(([k, n]) => `${n} × ${k}`).join("; ")]);
    if (stats.hostingAccepted > 0) figures.push(["hosting proposals accepted", `${stats.hostingAccepted}`]);
    if (settings.keepLogs) writeFileSync(settings.keepLogs, cluster.processes.map((p) => p.proc.logs.map((line) => JSON.stringify({ process: p.name, ...line })).join("\n")).join("\n"));
    const title = `ortak soak: seed ${settings.seed}, ${settings.intake}, ${settings.workers} workers, PostgreSQL + Redis`;
    await closeDb();
    exitCodes = await cluster.stop();
    const stops = exitCodes.filter((e) => e.code !== 0);
    checks.push({ name: "orderly stop at the end", ok: stops.length === 0, detail: stops.length === 0 ? `${exitCodes.length} processes, exit code 0` : stops.map((e) => `${e.name}: ${e.code}`).join(", ") });
    process.stdout.write(`\n${table(title, figures, checks)}\n`);
    return checks.every((c) => c.ok);
  } finally {
    watch.stop();
    await closeDb();
    if (exitCodes.length === 0) await cluster.stop().catch(() => undefined);
  }
}

try {
  const ok = await soak(fromEnvironment(process.env));
  process.exit(ok ? 0 : 1);
} catch (error) {
  say(`the soak could not finish: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
