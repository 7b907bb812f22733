// Memory of the ortak process, measured from outside: `node --import tsx test/bench/memory/measure.ts`.
// Each run: a first start on an empty DATA_DIR (embedded PGlite + private redis-server) against the
// emulator, a restart on the same data, idle, then RSVP presses on a group card, idle again.
// RSS and VmHWM come from /proc/<pid>/status; the redis-server child is read separately.
// Options: --runs N (3), --answers N (10000), --idle-seconds N (15), --entry tsx|dist|<main.ts or main.js> (tsx),
// --node-arg ARG (repeatable: e.g. --node-arg=--max-old-space-size=96), --label TEXT, --json FILE,
// --smaps (print the largest mappings of the idle process: where its memory lies), --probe FILE
// (preload usage-probe.mjs: process.memoryUsage() and V8's heap spaces, idle and after the answers),
// --curve (print the idle RSS every 5 s after the restart).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { TelegramEmulator, type EmulatedChat, type EmulatedUser } from "../../../emulator/index.ts";
import { largestMappings, MemorySampler, readMemory, type MemoryReading } from "./proc-memory.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    answers: { type: "string", default: "10000" },
    "idle-seconds": { type: "string", default: "15" },
    entry: { type: "string", default: "tsx" },
    "node-arg": { type: "string", multiple: true, default: [] },
    label: { type: "string", default: "" },
    json: { type: "string" },
    members: { type: "string", default: "20" },
    concurrency: { type: "string", default: "10" },
    smaps: { type: "boolean", default: false },
    probe: { type: "string" },
    curve: { type: "boolean", default: false },
  },
});
const RUNS = Number(options.runs);
const ANSWERS = Number(options.answers);
const IDLE_MS = Number(options["idle-seconds"]) * 1000;
const MEMBERS = Number(options.members);
const CONCURRENCY = Number(options.concurrency);
const BUTTONS = ["y", "m", "n", "2", "3"] as const;

/** Figures of one run, MiB (RSS of the node process unless named redis). */
interface RunResult {
  firstStartPeak: number;
  /** The process with its children (a helper process, redis-server) at the same moment. */
  firstStartTreePeak: number;
  firstStartIdle: number;
  startPeak: number;
  idle: number;
  idleAnon: number;
  answersPeak: number;
  afterAnswers: number;
  answersPerSecond: number;
  redisIdle: number;
  redisAfterAnswers: number;
  startSeconds: number;
}

interface BotProcess {
  child: ChildProcess;
  sampler: MemorySampler;
  redisPid: number | undefined;
  running: Promise<void>;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

function spawnBot(env: Record<string, string>): BotProcess {
  const file = path.resolve(ROOT, { tsx: "src/main.ts", dist: "dist/src/main.js" }[options.entry!] ?? options.entry!);
  const entry = file.endsWith(".ts") ? ["--import", "tsx", file] : [file];
  const probe = options.probe ? ["--import", path.join(ROOT, "test/bench/memory/usage-probe.mjs")] : [];
  const child = spawn(process.execPath, [...(options["node-arg"] ?? []), ...probe, ...entry, "--bot"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", ...(options.probe ? { ORTAK_MEMORY_PROBE: path.resolve(options.probe) } : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const sampler = new MemorySampler(child.pid!);
  const bot: BotProcess = {
    child,
    sampler,
    redisPid: undefined,
    exited,
    running: new Promise((resolve, reject) => {
      let buffered = "";
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout!.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        let newline: number;
        while ((newline = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          let entry: { msg?: string; pid?: number };
          try {
            entry = JSON.parse(line) as typeof entry;
          } catch {
            continue;
          }
          if (entry.msg === "private redis-server started") bot.redisPid = entry.pid;
          if (entry.msg === "ortak is running; Ctrl-C stops it") resolve();
        }
      });
      void exited.then((code) => reject(new Error(`ortak exited (${code}) before it was running: ${stderr.slice(-2000)}`)));
    }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
      const code = await exited;
      sampler.stop();
      return code;
    },
  };
  return bot;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function say(emulator: TelegramEmulator, user: EmulatedUser, chat: EmulatedChat | "private", text: string): Promise<string> {
  const chatId = chat === "private" ? user.id : chat.id;
  const { message } = emulator.sendText(user, chat, text);
  return (await emulator.nextBotMessage(chatId, message.message_id, 30_000)).text ?? "";
}

/** A network, a meeting and its invitation card in the group, made through the bot's own commands. */
async function setUpCard(emulator: TelegramEmulator, organiser: EmulatedUser, group: EmulatedChat): Promise<{ messageId: number; meetingId: number }> {
  await say(emulator, organiser, "private", "/start");
  await say(emulator, organiser, group, "/setup Ölçüm Ağı");
  await say(emulator, organiser, group, "/network_set quiet_hours yok");
  for (const name of ["Buca", "Karşıyaka", "Bornova"]) await say(emulator, organiser, group, `/org_add ${name} KDM | ${name}`);
  const start = DateTime.now().setZone("Europe/Istanbul").plus({ days: 30 }).startOf("hour");
  await say(emulator, organiser, group, `/meeting_new ${start.toFormat("yyyy-MM-dd HH:mm")} | Salon | Gündem`);
  emulator.sendText(organiser, group, "/invite 1");
  const card = await emulator.waitFor(
    () => emulator.botMessagesIn(group.id).find((m) => m.reply_markup?.inline_keyboard?.some((row) => row.some((b) => b.callback_data?.startsWith("rsvp:")))),
    60_000,
    "the invitation card",
  );
  const data = card.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.startsWith("rsvp:"))!.callback_data!;
  return { messageId: card.message_id, meetingId: Number(data.split(":")[1]) };
}

/** `answers` presses in a closed loop of `concurrency` members; returns presses per second. */
async function press(emulator: TelegramEmulator, members: EmulatedUser[], group: EmulatedChat, card: { messageId: number; meetingId: number }, answers: number): Promise<number> {
  let remaining = answers;
  const startedAt = performance.now();
  const loop = async (offset: number) => {
    for (let n = offset; remaining > 0; n += CONCURRENCY) {
      remaining--;
      const user = members[n % members.length]!;
      await emulator.pressButton(user, group.id, card.messageId, `rsvp:${card.meetingId}:${BUTTONS[Math.floor(n / members.length) % BUTTONS.length]}`, { timeoutMs: 60_000 });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => loop(i)));
  return answers / ((performance.now() - startedAt) / 1000);
}

const rss = (pid: number | undefined): number => (pid ? (readMemory(pid)?.rss ?? 0) : 0);

async function oneRun(): Promise<RunResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ortak-mem-"));
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const env = { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: dataDir };
  try {
    // First start: migrations on a fresh database.
    let bot = spawnBot(env);
    await bot.running;
    const firstStartPeak = readMemory(bot.child.pid!)!.hwm;
    bot.sampler.sample();
    const firstStartTreePeak = bot.sampler.highestTree;
    await sleep(IDLE_MS);
    const firstStartIdle = rss(bot.child.pid);
    const organiser = emulator.createUser({ first_name: "Derya", language_code: "tr" });
    const members = Array.from({ length: MEMBERS }, (_, i) => emulator.createUser({ first_name: `Üye ${i}`, language_code: i % 2 ? "en" : "tr" }));
    const group = emulator.createGroup({
      title: "Ölçüm Ağı",
      members: [{ user: organiser, status: "creator" }, ...members.map((user) => ({ user }))],
      botStatus: "administrator",
      botRights: { can_pin_messages: true },
    });
    const card = await setUpCard(emulator, organiser, group);
    if ((await bot.stop()) !== 0) throw new Error("ortak did not stop cleanly");

    // A start on existing data, as every later start is.
    const startedAt = performance.now();
    bot = spawnBot(env);
    await bot.running;
    const startSeconds = (performance.now() - startedAt) / 1000;
    if (options.curve) {
      // How RSS settles while nothing happens (V8's memory reducer runs after some seconds idle).
      const curve: number[] = [];
      for (let waited = 0; waited < IDLE_MS; waited += 5000) {
        curve.push(Math.round(rss(bot.child.pid)));
        await sleep(5000);
      }
      process.stderr.write(`idle RSS every 5 s: ${curve.join(" ")}\n`);
    } else {
      await sleep(IDLE_MS);
    }
    const startPeak = readMemory(bot.child.pid!)!.hwm;
    const idleReading: MemoryReading = readMemory(bot.child.pid!)!;
    const redisIdle = rss(bot.redisPid);
    if (options.probe) process.kill(bot.child.pid!, "SIGUSR2");
    if (options.smaps) process.stderr.write(`idle process, largest mappings:\n${largestMappings(bot.child.pid!)}\n`);
    bot.sampler.resetPeak();

    const answersPerSecond = ANSWERS > 0 ? await press(emulator, members, group, card, ANSWERS) : 0;
    const answersPeak = bot.sampler.resetPeak();
    await sleep(IDLE_MS);
    const afterAnswers = rss(bot.child.pid);
    const redisAfterAnswers = rss(bot.redisPid);
    if (options.probe) process.kill(bot.child.pid!, "SIGUSR2");
    if ((await bot.stop()) !== 0) throw new Error("ortak did not stop cleanly");
    return {
      firstStartPeak,
      firstStartTreePeak,
      firstStartIdle,
      startPeak,
      idle: idleReading.rss,
      idleAnon: idleReading.anon,
      answersPeak,
      afterAnswers,
      answersPerSecond,
      redisIdle,
      redisAfterAnswers,
      startSeconds,
    };
  } finally {
    await emulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const results: RunResult[] = [];
for (let run = 1; run <= RUNS; run++) {
  const result = await oneRun();
  results.push(result);
  process.stderr.write(`run ${run}/${RUNS}: ${JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v * 10) / 10])))}\n`);
}
const keys = Object.keys(results[0]!) as (keyof RunResult)[];
const summary = Object.fromEntries(keys.map((key) => [key, Math.round(median(results.map((r) => r[key])) * 10) / 10]));
const label = options.label || `${options.entry} ${(options["node-arg"] ?? []).join(" ")}`.trim();
console.log(JSON.stringify({ label, runs: RUNS, answers: ANSWERS, median: summary }));
console.log(
  `${label}: first start peak ${summary.firstStartPeak} MB (with children ${summary.firstStartTreePeak}), idle after first start ${summary.firstStartIdle} MB, ` +
    `start peak ${summary.startPeak} MB, idle ${summary.idle} MB (anon ${summary.idleAnon}), ` +
    `${ANSWERS} answers: peak ${summary.answersPeak} MB, after ${summary.afterAnswers} MB (${summary.answersPerSecond}/s); ` +
    `redis-server ${summary.redisIdle} → ${summary.redisAfterAnswers} MB; start ${summary.startSeconds} s (medians of ${RUNS})`,
);
if (options.json) await writeFile(options.json, `${JSON.stringify({ label, runs: results, median: summary }, null, 2)}\n`);
