import { Writable } from "node:stream";
import { Api } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Translator } from "../../src/bot/i18n.ts";
import { markUnreachableOn403 } from "../../src/bot/transformers.ts";
import { createDelivery } from "../../src/features/delivery.ts";
import { SendBudget } from "../../src/outbox/budget.ts";
import { MAX_ATTEMPTS } from "../../src/outbox/delivery.ts";
import { createLogger } from "../../src/logger.ts";
import { ApiError } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Nothing listens on port 1: every call fails in fetch, with the token in the request URL.
const CLOSED_API_ROOT = "http://127.0.0.1:1";

/** Everything written to the log, as the process would write it to stdout. */
const written: string[] = [];
const destination = new Writable({ write: (chunk, _encoding, done) => (written.push(String(chunk)), done()) });
const everything = () => written.join("");
const entries = () => written.map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string });

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 is in March 2027.
const START = new Date("2026-11-24T09:00:00Z");
let now = START;
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

afterEach(() => {
  written.length = 0;
  now = START;
});
const moveTo = (at: Date) => (now = at);

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
    await say(admin, group, "/invite 25");
    const reminder = await scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "checkin-card", meeting: { network: { joinCode: code } } } });
    // Its last try: the failure ends it and the organisers are told (through the same dead API).
    await scenario.db.prisma.outboxMessage.update({ where: { id: reminder.id }, data: { attempts: MAX_ATTEMPTS - 1 } });

    // As the composition root builds the delivery's API: no automatic retries, the 403 transformer.
    const api = new Api(TOKEN, { apiRoot: CLOSED_API_ROOT });
    const { services } = scenario.running;
    api.config.use(markUnreachableOn403(services.users, logger));
    const budget = new SendBudget(undefined, false);
    const delivery = createDelivery({ services, transport: services.outbox.transport, api, budget, translator: await Translator.load(), logger, claimMs: 60_000 });
    moveTo(reminder.notBefore);
    expect(await delivery.deliver({ id: reminder.id, notBefore: reminder.notBefore.getTime() })).toBe("failed");

    const failed = await waitForLog("outbox message not delivered");
    expectNoToken(everything());
    expect(failed).toMatchObject({
      level: 40,
      kind: "checkin-card",
      willRetry: false,
      err: {
        type: "HttpError",
        message: "Network request for 'sendMessage' failed!",
        error: { type: "FetchError", code: "ECONNREFUSED", message: expect.stringContaining(`${CLOSED_API_ROOT}/bot<redacted>/sendMessage failed`) },
      },
    });
    expect(JSON.stringify(failed)).toContain("HttpError: Network request for 'sendMessage' failed!\\n    at ");

    const row = await scenario.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expectNoToken(row.reason ?? "");
    expect(await scenario.db.prisma.outboxMessage.count({ where: { kind: "delivery-failed", meetingId: reminder.meetingId } })).toBe(1);
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
