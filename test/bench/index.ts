// npm run bench: figures for the emulator round trip, printed side by side. Not a test: the
// numbers depend on the machine; compare rows of one run, not runs of different machines.
import path from "node:path";
import { Bot } from "grammy";
import { createBot } from "../../src/bot/create-bot.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { openDatabase } from "../../src/db/client.ts";
import { createServices } from "../../src/features/services.ts";
import { silentLogger } from "../../src/logger.ts";
import { TelegramEmulator } from "../../src/telegram-emulator/index.ts";
import { tempDir } from "../support/harness.ts";
import { measureRoundTrip, type RoundTripResult } from "./round-trip.ts";

const MESSAGES = 3000;
const CONCURRENCY = 50;
const WARMUP = 300;

async function echoBaseline(): Promise<RoundTripResult> {
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  try {
    return await measureRoundTrip({ label: "bare grammY echo", emulator, bot, text: "merhaba", messages: MESSAGES, concurrency: CONCURRENCY, warmup: WARMUP });
  } finally {
    await emulator.stop();
  }
}

async function ortakHelp(): Promise<RoundTripResult> {
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const dir = await tempDir("ortak-bench-");
  const db = await openDatabase({ kind: "pglite", dataDir: path.join(dir.path, "pglite") });
  const { bot } = createBot({
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    translator: await Translator.load(),
    services: createServices(db.prisma),
    logger: silentLogger,
  });
  await bot.init();
  try {
    return await measureRoundTrip({ label: "ortak /help (PGlite)", emulator, bot, text: "/help", messages: MESSAGES, concurrency: CONCURRENCY, warmup: WARMUP });
  } finally {
    await emulator.stop();
    await db.close();
    await dir.remove();
  }
}

function table(rows: RoundTripResult[]): string {
  const header = ["handler", "messages", "seconds", "updates/s", "p50 ms", "p99 ms"];
  const lines = rows.map((r) => [r.label, String(r.messages), r.seconds.toFixed(2), r.perSecond.toFixed(0), r.p50Ms.toFixed(1), r.p99Ms.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}

const echo = await echoBaseline();
const help = await ortakHelp();
console.log(`\nEmulator round trip: ${CONCURRENCY} users in a closed loop, ${MESSAGES} measured messages after ${WARMUP} warm-up, no flood limits\n`);
console.log(table([echo, help]));
console.log(`\nortak /help runs at ${((help.perSecond / echo.perSecond) * 100).toFixed(0)}% of the bare echo rate.`);
