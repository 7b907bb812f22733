// npm run bench: figures for the emulator round trip, printed side by side. Not a test: the
// numbers depend on the machine; compare rows of one run, not runs of different machines.
import { Bot } from "grammy";
import { run } from "@grammyjs/runner";
import type { App } from "../../src/app.ts";
import type { Database } from "../../src/db/client.ts";
import { startBenchApp } from "./app.ts";
import { TelegramEmulator } from "../../emulator/index.ts";
import { measureRoundTrip, type RoundTripResult } from "./round-trip.ts";
import { measurePresses } from "./rsvp-presses.ts";
import { measureFanout } from "./reminder-fanout.ts";
import { measureMinutesRender } from "./minutes-render.ts";

const MESSAGES = 3000;
const CONCURRENCY = 50;
const WARMUP = 300;

async function echoBaseline(): Promise<RoundTripResult> {
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
  try {
    return await measureRoundTrip({ label: "bare grammY echo", emulator, text: "merhaba", messages: MESSAGES, concurrency: CONCURRENCY, warmup: WARMUP });
  } finally {
    await runner.stop();
    await emulator.stop();
  }
}

/** ortak as the composition root builds it, talking to a limit-free emulator. */
async function withOrtak<T>(use: (emulator: TelegramEmulator, app: App, db: Database) => Promise<T>): Promise<T> {
  const emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  const bench = await startBenchApp(emulator);
  try {
    return await use(emulator, bench.app, bench.db);
  } finally {
    await bench.close();
    await emulator.stop();
  }
}

const ortakHelp = () =>
  withOrtak((emulator) => measureRoundTrip({ label: "ortak /help (PGlite)", emulator, text: "/help", messages: MESSAGES, concurrency: CONCURRENCY, warmup: WARMUP }));

const ortakPresses = () =>
  withOrtak((emulator, app, db) =>
    measurePresses({ label: "ortak RSVP press → toast (PGlite)", emulator, ortak: app.ortak, db, services: app.services, presses: MESSAGES, concurrency: CONCURRENCY, warmup: WARMUP }),
  );

function table(rows: RoundTripResult[]): string {
  const header = ["handler", "messages", "seconds", "updates/s", "p50 ms", "p99 ms"];
  const lines = rows.map((r) => [r.label, String(r.messages), r.seconds.toFixed(2), r.perSecond.toFixed(0), r.p50Ms.toFixed(1), r.p99Ms.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}

const echo = await echoBaseline();
const help = await ortakHelp();
const presses = await ortakPresses();
console.log(`\nEmulator round trip: ${CONCURRENCY} users in a closed loop, ${MESSAGES} measured messages after ${WARMUP} warm-up, no flood limits\n`);
console.log(table([echo, help, presses]));
const share = (r: RoundTripResult) => `${((r.perSecond / echo.perSecond) * 100).toFixed(0)}%`;
console.log(`\nortak /help runs at ${share(help)} of the bare echo rate; RSVP presses at ${share(presses)} (target: at least 50%, p99 under 50 ms).`);

const fanout = await measureFanout(1000);
console.log(
  `\nReminder fan-out: ${fanout.members} members due at once, Telegram's limits enforced\n` +
    `  ${fanout.seconds.toFixed(1)} s, ${fanout.perSecond.toFixed(1)} messages/s (ceiling ${fanout.ceiling}/s, ${((fanout.perSecond / fanout.ceiling) * 100).toFixed(0)}%), ` +
    `${fanout.tooManyRequests} × 429, ${fanout.duplicates} duplicates, ${fanout.misses} misses; planning the 1,000 took ${fanout.planSeconds.toFixed(2)} s`,
);

const minutes = await measureMinutesRender(200);
console.log(
  `\nMinutes rendering: ${minutes.entries} entries → ${minutes.messages} messages, Markdown ${(minutes.markdownBytes / 1024).toFixed(1)} KiB, ` +
    `PDF ${(minutes.pdfBytes / 1024).toFixed(1)} KiB (DejaVu subset); ${minutes.msPerCopy.toFixed(1)} ms per copy`,
);
