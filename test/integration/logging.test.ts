import { Writable } from "node:stream";
import type { Worker } from "bullmq";
import { Api } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Translator } from "../../src/bot/i18n.ts";
import { markUnreachableOn403 } from "../../src/bot/transformers.ts";
import { createReminderWorker } from "../../src/features/reminders/worker.ts";
import { createLogger } from "../../src/logger.ts";
import { ApiError } from "../../src/telegram-emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Nothing listens on port 1: every call fails in fetch, with the token in the request URL.
const CLOSED_API_ROOT = "http://127.0.0.1:1";

/** Everything written to the log, as the process would write it to stdout. */
const written: string[] = [];
const destination = new Writable({ write: (chunk, _encoding, done) => (written.push(String(chunk)), done()) });
const everything = () => written.join("");
const entries = () => written.map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string });

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 is in March 2027.
const now = new Date("2026-11-24T09:00:00Z");
// The emulator's default token: the scenario is built before the logger could ask for it.
const TOKEN = "123456789:TEST-emulator-token-ABCDEFGHIJKLMNOP";
const logger = createLogger({ level: "debug", secrets: [TOKEN], destination });
const scenario = useScenario({ clock: () => now, logger });
const { say, network } = scenario;

function expectNoToken(text: string): void {
  const token = scenario.emulator.token;
  expect(token).toBe(TOKEN);
  for (const form of [token, encodeURIComponent(token), token.split(":")[1]!]) expect(text).not.toContain(form);
}

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  written.length = 0;
});

function waitForLog(msg: string): Promise<Record<string, unknown>> {
  return vi.waitFor(
    () => {
      const found = entries().find((entry) => entry.msg === msg);
      if (!found) throw new Error(`no log "${msg}" yet`);
      return found;
    },
    { timeout: 15_000, interval: 20 },
  );
}

describe("the bot token in logs", () => {
  it("a reminder whose sendMessage cannot reach Telegram is logged by method and error class, never with the token", async () => {
    const { admin, group, code } = await network("Günlük Ağı");
    await say(admin, group, "/network_set next_number 25");
    await say(admin, "private", "/start");
    await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Buca1923 | Gündem");
    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("25. toplantının davet kartı")));
    await scenario.running.ortak.poster.settle();
    const reminder = await scenario.db.prisma.reminder.findFirstOrThrow({ where: { kind: "checkin-card", meeting: { network: { joinCode: code } } } });

    // As main.ts builds the worker's API: no automatic retries, the 403 transformer.
    const api = new Api(TOKEN, { apiRoot: CLOSED_API_ROOT });
    api.config.use(markUnreachableOn403(scenario.running.services.users, logger));
    worker = createReminderWorker({ path: scenario.redisPath, maxRetriesPerRequest: null }, { services: scenario.running.services, api, translator: await Translator.load(), logger });
    void worker.run();
    // Its one attempt is due now; the failure then reaches giveUp, which tells the organisers through the same dead API.
    await scenario.queue.add("reminder", { reminderId: reminder.id, fireAt: reminder.fireAt.getTime() }, { jobId: `log-test-${reminder.id}`, attempts: 1 });

    const failed = await waitForLog("job failed");
    await waitForLog("private message not delivered");
    expectNoToken(everything());
    expect(failed).toMatchObject({
      level: 50,
      job: "reminder",
      err: {
        type: "HttpError",
        message: "Network request for 'sendMessage' failed!",
        error: { type: "FetchError", code: "ECONNREFUSED", message: expect.stringContaining(`${CLOSED_API_ROOT}/bot<redacted>/sendMessage failed`) },
      },
    });
    expect(JSON.stringify(failed)).toContain("HttpError: Network request for 'sendMessage' failed!\\n    at ");

    const row = await scenario.db.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(row.status).toBe("failed");
    expectNoToken(row.reason ?? "");
  });

  it("a failed reply reaches the error boundary's log with its method and class, but not the text it carried or the person's name", async () => {
    const person = scenario.emulator.createUser({ first_name: "Gülizar", last_name: "Karadeniz", username: "gulizar_k", language_code: "tr" });
    scenario.emulator.failNext("sendMessage", new ApiError(400, "Bad Request: something unexpected"), person.id);
    const { message } = scenario.emulator.sendText(person, "private", "/start");
    const apology = await scenario.emulator.nextBotMessage(person.id, message.message_id);
    expect(apology.text).toBe("Bir sorun çıktı ve isteğiniz tamamlanamadı. Lütfen biraz sonra yeniden deneyin.");

    const logged = await waitForLog("update handling failed");
    expect(logged).toMatchObject({ err: { type: "GrammyError", method: "sendMessage", error_code: 400, description: "Bad Request: something unexpected" } });
    const text = everything();
    expectNoToken(text);
    for (const personal of ["Gülizar", "Karadeniz", "gulizar_k", "Merhaba"]) expect(text).not.toContain(personal);
  });
});
