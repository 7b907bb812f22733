import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api, GrammyError } from "grammy";
import { TelegramEmulator, type ServedCall } from "../../emulator/index.ts";

let emulator: TelegramEmulator;

beforeEach(async () => {
  emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
});
afterEach(() => emulator.stop());

/** A user who started the bot, and a raw sendMessage to them (the HTTP answer as it comes, or the network error). */
function startedUser() {
  const user = emulator.createUser({ first_name: "Ayla", language_code: "tr" });
  user.startedBot = true;
  return user;
}
const send = (chatId: number, text: string, root = emulator.apiRoot) =>
  fetch(`${root}/bot${emulator.token}/sendMessage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chat_id: chatId, text }) });

describe("emulator: parallel webhook deliveries", () => {
  it("delivers several senders' updates at once, each sender's in order, retrying a failed one before that sender's next", async () => {
    const parallel = new TelegramEmulator({ limits: false, webhookConnections: 8, webhookRetryMs: 50 });
    await parallel.start();
    const order: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    let refusedOnce = false;
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const update = JSON.parse(body) as { message: { from: { first_name: string }; text: string } };
        const label = `${update.message.from.first_name}:${update.message.text}`;
        // The first try of Ayla's second message fails: Telegram must retry it before her third.
        if (label === "Ayla:2" && !refusedOnce) {
          refusedOnce = true;
          return void res.writeHead(500).end();
        }
        mostAtOnce = Math.max(mostAtOnce, ++running);
        setTimeout(() => {
          running--;
          order.push(label);
          res.writeHead(200).end();
        }, 50);
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    try {
      await new Api(parallel.token, { apiRoot: parallel.apiRoot }).setWebhook(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`);
      const people = ["Ayla", "Berna", "Cemre"].map((first_name) => parallel.createUser({ first_name }));
      for (const text of ["1", "2", "3"]) for (const person of people) parallel.sendText(person, "private", text);
      await parallel.waitFor(() => parallel.pendingUpdateCount === 0 || undefined, 10_000, "every delivery");
      expect(mostAtOnce).toBe(3);
      for (const name of ["Ayla", "Berna", "Cemre"]) expect(order.filter((label) => label.startsWith(name))).toEqual([`${name}:1`, `${name}:2`, `${name}:3`]);
      expect(refusedOnce).toBe(true);
    } finally {
      await parallel.stop();
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});

describe("emulator: injected faults", () => {
  it("answers 429 with parameters.retry_after in the given range, and sends nothing", async () => {
    const user = startedUser();
    emulator.injectFaults({ seed: 1, botCalls: { tooManyRequests: 1, retryAfterSeconds: [2, 4] } });
    const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
    const error = await api.sendMessage(user.id, "merhaba").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBeGreaterThanOrEqual(2);
    expect((error as GrammyError).parameters.retry_after).toBeLessThanOrEqual(4);
    expect((error as GrammyError).description).toBe(`Too Many Requests: retry after ${(error as GrammyError).parameters.retry_after}`);
    expect(emulator.botMessagesIn(user.id)).toHaveLength(0);
    expect(emulator.faults.counts()).toEqual({ "botCalls 429": 1 });
    expect(emulator.faults.injected[0]).toMatchObject({ target: "botCalls", kind: "429", method: "sendMessage", chatId: user.id });
  });

  it("answers 5xx as Telegram's JSON 500 or a proxy's HTML 502, and sends nothing", async () => {
    const user = startedUser();
    emulator.injectFaults({ seed: 7, botCalls: { serverError: 1 } });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const response = await send(user.id, "merhaba");
      statuses.add(response.status);
      const body = await response.text();
      if (response.status === 500) expect(JSON.parse(body)).toEqual({ ok: false, error_code: 500, description: "Internal Server Error" });
      else expect(body).toContain("<title>502 Bad Gateway</title>");
    }
    expect([...statuses].sort()).toEqual([500, 502]);
    expect(emulator.botMessagesIn(user.id)).toHaveLength(0);
    expect(emulator.faults.counts()).toEqual({ "botCalls 5xx": 20 });
  });

  it("drops the connection before the call (nothing sent) or after it (sent, answer lost), telling watchers which", async () => {
    const user = startedUser();
    const calls: ServedCall[] = [];
    emulator.watchCalls((call) => calls.push(call));

    emulator.injectFaults({ seed: 3, botCalls: { dropBefore: 1 } });
    await expect(send(user.id, "önce")).rejects.toThrow();
    expect(emulator.botMessagesIn(user.id)).toHaveLength(0);
    expect(calls).toHaveLength(0);

    emulator.injectFaults({ seed: 3, botCalls: { dropAfter: 1 } });
    await expect(send(user.id, "sonra", `${emulator.apiRoot}/via/worker-1`)).rejects.toThrow();
    const sent = emulator.botMessagesIn(user.id);
    expect(sent.map((m) => m.text)).toEqual(["sonra"]);
    expect(calls).toEqual([expect.objectContaining({ via: "worker-1", method: "sendMessage", chatId: user.id, ok: true, messageId: sent[0]!.message_id, answerLost: true })]);

    emulator.injectFaults(undefined);
    expect((await send(user.id, "sakin")).status).toBe(200);
    expect(calls[1]).toMatchObject({ via: undefined, answerLost: false });
    expect(emulator.faults.counts()).toEqual({ "botCalls drop-before": 1, "botCalls drop-after": 1 });
  });

  it("draws the same faults for the same seed, and getUpdates only from its own settings", async () => {
    const user = startedUser();
    const kinds = async (seed: number) => {
      emulator.faults.injected.length = 0;
      emulator.injectFaults({ seed, botCalls: { tooManyRequests: 0.2, serverError: 0.2, dropBefore: 0.2 } });
      for (let i = 0; i < 30; i++) await send(user.id, `ileti ${i}`).catch(() => undefined);
      return emulator.faults.injected.map((fault) => fault.kind).join(",");
    };
    const first = await kinds(42);
    expect(first.split(",").length).toBeGreaterThan(5);
    expect(await kinds(42)).toBe(first);
    expect(await kinds(43)).not.toBe(first);

    emulator.faults.injected.length = 0;
    emulator.injectFaults({ seed: 1, getUpdates: { serverError: 1 } });
    expect((await send(user.id, "gider")).status).toBe(200);
    expect((await fetch(`${emulator.apiRoot}/bot${emulator.token}/getUpdates`)).status).toBeGreaterThanOrEqual(500);
    expect(emulator.faults.counts()).toEqual({ "getUpdates 5xx": 1 });
  });

  it("cuts webhook deliveries and redelivers the update once faults stop", async () => {
    const received: number[] = [];
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push((JSON.parse(body) as { update_id: number }).update_id);
        // Answers late, so that a cut always comes first.
        setTimeout(() => res.writeHead(200).end(), 300);
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
      emulator.injectFaults({ seed: 5, webhookDrop: 1 });
      await api.setWebhook(url);
      const errors: string[] = [];
      const twoCuts = new Promise<void>((resolve) => emulator.on("webhook-error", (message) => errors.push(message) >= 2 && resolve()));
      const user = startedUser();
      emulator.sendText(user, "private", "/start");
      await twoCuts;
      expect(errors[0]).toMatch(/^Connection refused: /);
      expect(emulator.pendingUpdateCount).toBe(1);
      emulator.injectFaults(undefined);
      await emulator.waitFor(() => emulator.pendingUpdateCount === 0 || undefined, 10_000, "the delivery");
      expect(new Set(received).size).toBe(1);
      expect(emulator.faults.counts()["webhook drop"]).toBeGreaterThanOrEqual(2);
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});
