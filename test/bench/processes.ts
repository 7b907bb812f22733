import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TelegramEmulator, type EmulatedUser } from "../../emulator/index.ts";
import { openDatabase, type DatabaseTarget } from "../../src/db/client.ts";
import { startTestRedis, tempDir } from "../support/harness.ts";
import { startTestPostgres } from "../support/postgres.ts";
import { sayTo, spawnOrtak, type OrtakProcess } from "../support/process.ts";
import { median } from "./stats.ts";

// Process-level figures: ortak as production runs it (compiled, `node dist/src/main.js`), each
// beside a bare grammY bot process measured the same way in the same run.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const COMPILED = "dist/src/main.js";
const BARE_BOT = "test/bench/bare-bot.mjs";
const RUNS = 3;

/** `npm run build`, so the figures are those of the compiled code. */
export function build(): void {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "ignore" });
}

/** Resident memory of one process (its children not included), in MB. */
export function residentMb(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith(`${field}:`))!;
  return Number(/(\d+)/.exec(line)![1]) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A /start already waiting at Telegram, then the process starts: milliseconds until it is answered. */
async function startToFirstAnswer(emulator: TelegramEmulator, start: () => OrtakProcess): Promise<{ ms: number; proc: OrtakProcess }> {
  const user = emulator.createUser({ first_name: "Yeni", language_code: "tr" });
  const { message } = emulator.sendText(user, "private", "/start");
  const started = performance.now();
  const proc = start();
  await emulator.nextBotMessage(user.id, message.message_id, 60_000);
  return { ms: performance.now() - started, proc };
}

export interface ColdStart {
  database: "PGlite" | "PostgreSQL";
  /** Medians of RUNS starts on an existing database. */
  ortakMs: number;
  bareMs: number;
  /** The very first start: migrations applied to an empty database. */
  firstStartMs: number;
  firstStartPeakMb: number;
}

/** Cold start → first update answered, on the embedded database or on PostgreSQL (with a shared Redis). */
export async function measureColdStart(database: ColdStart["database"]): Promise<ColdStart> {
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const data = await tempDir("ortak-cold-");
  const postgres = database === "PostgreSQL" ? await startTestPostgres() : undefined;
  const redis = database === "PostgreSQL" ? await startTestRedis() : undefined;
  const env = {
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATA_DIR: data.path,
    LOG_LEVEL: "warn",
    ...(postgres && redis ? { DATABASE_URL: postgres.url, REDIS_URL: `unix://${redis.socketPath}` } : {}),
  };
  const stop = async (proc: OrtakProcess) => {
    if ((await proc.stop("SIGTERM")) !== 0) throw new Error(`a measured process did not stop cleanly: ${proc.stderr()}`);
  };
  try {
    const first = await startToFirstAnswer(emulator, () => spawnOrtak(env, COMPILED));
    const firstStartPeakMb = residentMb(first.proc.child.pid!, "VmHWM");
    await stop(first.proc);
    const ortak: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const measured = await startToFirstAnswer(emulator, () => spawnOrtak(env, COMPILED));
      ortak.push(measured.ms);
      await stop(measured.proc);
      const baseline = await startToFirstAnswer(emulator, () => spawnOrtak(env, BARE_BOT));
      bare.push(baseline.ms);
      await stop(baseline.proc);
    }
    return { database, ortakMs: median(ortak), bareMs: median(bare), firstStartMs: first.ms, firstStartPeakMb };
  } finally {
    await emulator.stop();
    await redis?.remove();
    await postgres?.stop();
    await data.remove();
  }
}

export interface Memory {
  idleMb: number;
  afterAnswersMb: number;
  peakMb: number;
  answers: number;
  answersPerSecond: number;
  /** ortak's own redis-server, a separate process. */
  redisMb: number;
  bareIdleMb: number;
}

const MEMBERS = 50;

/**
 * Resident memory of ortak on the embedded defaults: idle after start, then after `answers`
 * RSVP presses on one card by 50 members (every press changes the stored answer).
 */
export async function measureMemory(answers = 10_000): Promise<Memory> {
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const data = await tempDir("ortak-mem-");
  const env = { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: data.path, LOG_LEVEL: "warn" };
  try {
    const bare = spawnOrtak(env, BARE_BOT);
    await bare.waitForLog("bare bot running");
    await sleep(5_000);
    const bareIdleMb = residentMb(bare.child.pid!);
    await bare.stop("SIGTERM");

    const { organiser, members, group, meetingNumber } = await seedNetwork(emulator, { kind: "pglite", dataDir: path.join(data.path, "pglite") });
    const proc = spawnOrtak({ ...env, LOG_LEVEL: "info" }, COMPILED);
    await proc.waitForLog("ortak is running; Ctrl-C stops it", 60_000);
    await sleep(10_000);
    const idleMb = residentMb(proc.child.pid!);
    const redisPid = Number((await proc.waitForLog("private redis-server started")).pid ?? 0);

    await sayTo(emulator, organiser, group, `/invite ${meetingNumber}`);
    const isCard = (buttons: string[]) => buttons.some((data) => data.startsWith("rsvp:"));
    const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => isCard(m.reply_markup?.inline_keyboard?.flat().map((b) => b.callback_data ?? "") ?? [])), 30_000, "the card");
    const choices = card.reply_markup!.inline_keyboard!.flat().map((b) => b.callback_data!).filter((data) => data.startsWith("rsvp:"));
    let remaining = answers;
    const started = performance.now();
    await Promise.all(
      members.map(async (user, i) => {
        for (let n = i; remaining > 0; n++) {
          remaining--;
          await emulator.pressButton(user, group.id, card.message_id, choices[n % choices.length]!);
        }
      }),
    );
    const answersPerSecond = answers / ((performance.now() - started) / 1000);
    await sleep(5_000);
    const afterAnswersMb = residentMb(proc.child.pid!);
    const peakMb = residentMb(proc.child.pid!, "VmHWM");
    const redisMb = redisPid ? residentMb(redisPid) : Number.NaN;
    await proc.stop("SIGTERM");
    return { idleMb, afterAnswersMb, peakMb, answers, answersPerSecond, redisMb, bareIdleMb };
  } finally {
    await emulator.stop();
    await data.remove();
  }
}

/**
 * A network written straight into the database before ortak starts (as after its /setup and the
 * members' /join): an organiser, three organisations, 50 members and meeting 25, not yet invited.
 * Without private cards, the members answer only on the group's card.
 */
export async function seedNetwork(emulator: TelegramEmulator, target: DatabaseTarget, options: { privateCards: boolean } = { privateCards: true }): Promise<{ organiser: EmulatedUser; members: EmulatedUser[]; group: ReturnType<TelegramEmulator["createGroup"]>; meetingNumber: number }> {
  const organiser = emulator.createUser({ first_name: "Derya", language_code: "tr" });
  const members = Array.from({ length: MEMBERS }, (_, i) => emulator.createUser({ first_name: `Üye ${i}`, language_code: i % 4 ? "tr" : "en" }));
  const group = emulator.createGroup({ title: "Ölçüm Ağı", members: [{ user: organiser, status: "creator" }, ...members.map((user) => ({ user }))] });
  // Members who started the bot get the card privately too, and every answer edits their copies.
  organiser.startedBot = true;
  for (const user of members) user.startedBot = options.privateCards;
  const db = await openDatabase(target);
  try {
    const network = await db.prisma.network.create({ data: { name: "Ölçüm Ağı", seriesTitle: "Ölçüm Ağı", joinCode: "OLCUM001" } });
    await db.prisma.chat.create({ data: { networkId: network.id, telegramChatId: BigInt(group.id), title: group.title } });
    const organisations = await Promise.all(
      ["Buca KDM", "Karşıyaka KDM", "Bornova KDM"].map((name, i) =>
        db.prisma.organisation.create({ data: { networkId: network.id, name, shortName: name, nameKey: name.toLocaleLowerCase("tr"), shortNameKey: name.toLocaleLowerCase("tr"), rotationPosition: i + 1 } }),
      ),
    );
    await db.prisma.telegramUser.createMany({ data: [organiser, ...members].map((u) => ({ id: BigInt(u.id), firstName: u.first_name, languageCode: u.language_code ?? null, dmReachable: u.startedBot })) });
    await db.prisma.member.create({ data: { networkId: network.id, userId: BigInt(organiser.id), role: "organiser", organisationId: organisations[0]!.id } });
    await db.prisma.member.createMany({ data: members.map((u, i) => ({ networkId: network.id, userId: BigInt(u.id), organisationId: organisations[i % 3]!.id })) });
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    await db.prisma.meeting.create({ data: { networkId: network.id, number: 25, title: "Ölçüm", agenda: ["Gündem"], startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3_600_000) } });
  } finally {
    await db.close();
  }
  return { organiser, members, group, meetingNumber: 25 };
}
