import { TelegramEmulator } from "../../emulator/index.ts";
import { startTestRedis, tempDir } from "../support/harness.ts";
import { startTestPostgres } from "../support/postgres.ts";
import { freePort, procStat, sayTo, spawnOrtak, type OrtakProcess } from "../support/process.ts";
import { roundRobinProxy } from "../support/round-robin.ts";
import { COMPILED, seedNetwork } from "./processes.ts";

const BARE_WEBHOOK_BOT = "test/bench/bare-webhook-bot.mjs";

export interface WebhookThroughput {
  botProcesses: number;
  /** Bare grammY processes answered the presses instead of ortak's (the baseline). */
  bare: boolean;
  presses: number;
  perSecond: number;
  /** CPU seconds used during the measured presses: each bot process, the worker, and this process (emulator, proxy, members). */
  cpuSeconds: { bots: number[]; worker: number; load: number };
  wallSeconds: number;
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc). */
function cpuOf(pid: number): number {
  const fields = procStat(pid);
  // utime and stime, in clock ticks of 1/100 s.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * RSVP presses through webhook bot processes behind one URL (a round-robin proxy), with one
 * worker delivering the outbox, all on one PostgreSQL and one Redis; the emulator delivers
 * updates over up to 40 connections at once, as Telegram does. 50 members press in a closed loop
 * on the group's card (no private copies to edit: the figure is the bot processes', not the
 * worker's, on a machine that runs everything at once).
 *
 * With `bare`, ortak's bot processes post the card and then give their places to bare grammY
 * processes that only answer each press with a toast: what the same machine, load and URL allow
 * a bot that does nothing else.
 */
export async function measureWebhookThroughput(botProcesses: number, options: { bare?: boolean; presses?: number; warmup?: number } = {}): Promise<WebhookThroughput> {
  const { bare = false, presses = 4_000, warmup = 400 } = options;
  const emulator = new TelegramEmulator({ limits: false, webhookConnections: 40 });
  await emulator.start();
  const postgres = await startTestPostgres();
  const redis = await startTestRedis();
  const data = await tempDir("ortak-wh-");
  const processes: OrtakProcess[] = [];
  const proxyTargets = await Promise.all(Array.from({ length: botProcesses }, () => freePort()));
  const proxy = await roundRobinProxy(proxyTargets.map((port) => `http://127.0.0.1:${port}`));
  try {
    const { organiser, members, group, meetingNumber } = await seedNetwork(emulator, { kind: "postgres", url: postgres.url }, { privateCards: false });
    const shared = { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: postgres.url, REDIS_URL: `unix://${redis.socketPath}`, DATA_DIR: data.path, LOG_LEVEL: "warn" };
    const worker = spawnOrtak({ ...shared, ROLE: "worker", PORT: String(await freePort()), LOG_LEVEL: "info" }, COMPILED);
    processes.push(worker);
    await worker.waitForLog("ortak is running; Ctrl-C stops it", 60_000);
    for (const port of proxyTargets) {
      const bot = spawnOrtak({ ...shared, ROLE: "bot", BOT_MODE: "webhook", WEBHOOK_URL: `${proxy.url}/telegram`, WEBHOOK_SECRET: "olcum_sirri", PORT: String(port), LOG_LEVEL: "info" }, COMPILED);
      processes.push(bot);
      await bot.waitForLog("webhook listening", 60_000);
    }
    await sayTo(emulator, organiser, group, `/invite ${meetingNumber}`);
    const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data?.startsWith("rsvp:"))), 30_000, "the card");
    const choices = card.reply_markup!.inline_keyboard!.flat().map((b) => b.callback_data!).filter((d) => d.startsWith("rsvp:"));
    if (bare) {
      for (const [i, port] of proxyTargets.entries()) {
        await processes[i + 1]!.stop("SIGTERM");
        const bareBot = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, WEBHOOK_SECRET: "olcum_sirri", PORT: String(port) }, BARE_WEBHOOK_BOT);
        processes[i + 1] = bareBot;
        await bareBot.waitForLog("webhook listening", 60_000);
      }
    }
    let remaining = warmup + presses;
    let measured = 0;
    let startedAt = 0;
    const cpuNow = () => ({ processes: processes.map((proc) => cpuOf(proc.child.pid!)), load: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 });
    let cpuAtStart = cpuNow();
    await Promise.all(
      members.map(async (user, i) => {
        for (let n = i; remaining > 0; n++) {
          remaining--;
          const counted = remaining < presses;
          if (counted && startedAt === 0) {
            startedAt = performance.now();
            cpuAtStart = cpuNow();
          }
          await emulator.pressButton(user, group.id, card.message_id, choices[n % choices.length]!, { timeoutMs: 30_000 });
          if (counted) measured++;
        }
      }),
    );
    const wallSeconds = (performance.now() - startedAt) / 1000;
    const cpuAtEnd = cpuNow();
    const used = cpuAtEnd.processes.map((seconds, i) => seconds - cpuAtStart.processes[i]!);
    return { botProcesses, bare, presses: measured, perSecond: measured / wallSeconds, wallSeconds, cpuSeconds: { worker: used[0]!, bots: used.slice(1), load: cpuAtEnd.load - cpuAtStart.load } };
  } finally {
    for (const proc of processes) await proc.stop("SIGTERM");
    await proxy.close();
    await emulator.stop();
    await redis.remove();
    await postgres.stop();
    await data.remove();
  }
}
