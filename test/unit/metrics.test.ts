import { describe, expect, it } from "vitest";
import { GrammyError } from "grammy";
import type { Context, Transformer } from "grammy";
import {
  countTelegramErrors,
  createMetrics,
  metricsMiddleware,
  type DepthSources,
  type Metrics,
} from "../../src/observability/metrics.ts";

type Labels = Record<string, string>;

interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Prometheus reads values with Go's ParseFloat: NaN and ±Inf in any case (prom-client writes "Nan"). */
function parseSampleValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === "nan") return Number.NaN;
  if (lower === "+inf" || lower === "inf") return Number.POSITIVE_INFINITY;
  if (lower === "-inf") return Number.NEGATIVE_INFINITY;
  const value = Number(text);
  return text.trim() !== "" && !Number.isNaN(value) ? value : undefined;
}

/** Reads the text exposition strictly: a line that is neither a comment nor a sample fails the test. */
function parseExposition(body: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of body.split("\n")) {
    if (line === "" || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const [, name = "", labelText = "", valueText = ""] = match;
    const labels: Labels = {};
    for (const pair of labelText.matchAll(LABEL_PAIR)) labels[pair[1] ?? ""] = pair[2] ?? "";
    const value = parseSampleValue(valueText);
    if (value === undefined) throw new Error(`not a number: ${line}`);
    samples.push({ name, labels, value });
  }
  return samples;
}

function valueOf(samples: Sample[], name: string, labels: Labels = {}): number | undefined {
  const found = samples.find(
    (sample) =>
      sample.name === name &&
      Object.keys(labels).length === Object.keys(sample.labels).length &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  return found?.value;
}

async function scrape(metrics: Metrics): Promise<Sample[]> {
  return parseExposition((await metrics.render()).body);
}

function fixedSources(outbox: Record<string, number> = {}, queue: Record<string, number> = {}): DepthSources {
  return { outboxByStatus: async () => outbox, queueByState: async () => queue };
}

function contextFor(update: Record<string, unknown>): Context {
  return { update: { update_id: 1, ...update } } as unknown as Context;
}

type ApiCall = Parameters<Transformer>[0];

function answering(result: unknown): ApiCall {
  return (async () => result) as unknown as ApiCall;
}

function throwing(error: unknown): ApiCall {
  return (async () => {
    throw error;
  }) as unknown as ApiCall;
}

describe("metrics", () => {
  it("renders counters and the handler histogram with the values recorded", async () => {
    const metrics = createMetrics(fixedSources());
    metrics.updateHandled("message", 0.004, "ok");
    metrics.updateHandled("message", 0.2, "ok");
    metrics.updateHandled("callback_query", 3, "error");
    metrics.outboxDelivered("card-dm", "sent");
    metrics.outboxDelivered("card-dm", "sent");
    metrics.outboxDelivered("group-summary", "not-mine");
    metrics.telegramError("sendMessage", 403);
    metrics.telegramError("sendMessage", 429);

    const rendered = await metrics.render();
    expect(rendered.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(rendered.body).toContain("# TYPE ortak_update_handler_seconds histogram");
    const samples = parseExposition(rendered.body);

    expect(valueOf(samples, "ortak_updates_total", { kind: "message", outcome: "ok" })).toBe(2);
    expect(valueOf(samples, "ortak_updates_total", { kind: "callback_query", outcome: "error" })).toBe(1);
    expect(valueOf(samples, "ortak_update_handler_seconds_count", { kind: "message" })).toBe(2);
    expect(valueOf(samples, "ortak_update_handler_seconds_sum", { kind: "message" })).toBeCloseTo(0.204);
    expect(valueOf(samples, "ortak_update_handler_seconds_bucket", { kind: "message", le: "0.001" })).toBe(0);
    expect(valueOf(samples, "ortak_update_handler_seconds_bucket", { kind: "message", le: "0.005" })).toBe(1);
    expect(valueOf(samples, "ortak_update_handler_seconds_bucket", { kind: "message", le: "10" })).toBe(2);
    expect(valueOf(samples, "ortak_update_handler_seconds_bucket", { kind: "message", le: "+Inf" })).toBe(2);
    expect(valueOf(samples, "ortak_outbox_deliveries_total", { kind: "card-dm", outcome: "sent" })).toBe(2);
    expect(valueOf(samples, "ortak_outbox_deliveries_total", { kind: "group-summary", outcome: "not-mine" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_errors_total", { method: "sendMessage", code: "403" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_errors_total", { method: "sendMessage", code: "429" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_429_total", { method: "sendMessage" })).toBe(1);
    // Process metrics come along, unprefixed.
    expect(samples.some((sample) => sample.name === "process_cpu_user_seconds_total")).toBe(true);
  });

  it("keeps two instances apart", async () => {
    const first = createMetrics(fixedSources());
    const second = createMetrics(fixedSources());
    first.updateHandled("message", 0.01, "ok");
    first.updateHandled("message", 0.01, "ok");
    second.updateHandled("message", 0.01, "ok");

    expect(valueOf(await scrape(first), "ortak_updates_total", { kind: "message", outcome: "ok" })).toBe(2);
    expect(valueOf(await scrape(second), "ortak_updates_total", { kind: "message", outcome: "ok" })).toBe(1);
    expect(first.registry).not.toBe(second.registry);
  });

  it("reads the depth sources at scrape time", async () => {
    let outbox: Record<string, number> = { scheduled: 4, sent: 10 };
    let reads = 0;
    const metrics = createMetrics({
      outboxByStatus: async () => {
        reads++;
        return outbox;
      },
      queueByState: async () => ({ waiting: 2, delayed: 7 }),
    });

    let samples = await scrape(metrics);
    expect(reads).toBe(1);
    expect(valueOf(samples, "ortak_outbox_rows", { status: "scheduled" })).toBe(4);
    expect(valueOf(samples, "ortak_outbox_rows", { status: "sent" })).toBe(10);
    expect(valueOf(samples, "ortak_queue_jobs", { state: "waiting" })).toBe(2);
    expect(valueOf(samples, "ortak_queue_jobs", { state: "delayed" })).toBe(7);

    outbox = { sent: 14, failed: 1 };
    samples = await scrape(metrics);
    expect(reads).toBe(2);
    expect(valueOf(samples, "ortak_outbox_rows", { status: "sent" })).toBe(14);
    expect(valueOf(samples, "ortak_outbox_rows", { status: "failed" })).toBe(1);
    // A status seen before stays, at zero, rather than vanishing.
    expect(valueOf(samples, "ortak_outbox_rows", { status: "scheduled" })).toBe(0);
  });

  it("still renders a valid exposition when a source throws, and counts the failure in that scrape", async () => {
    let outboxFails = false;
    const metrics = createMetrics({
      outboxByStatus: async () => {
        if (outboxFails) throw new Error("database is gone");
        return { scheduled: 3 };
      },
      queueByState: async () => ({ waiting: 5 }),
    });
    expect(valueOf(await scrape(metrics), "ortak_outbox_rows", { status: "scheduled" })).toBe(3);

    outboxFails = true;
    const rendered = await metrics.render();
    expect(rendered.body).not.toContain("database is gone");
    const samples = parseExposition(rendered.body);
    expect(valueOf(samples, "ortak_scrape_errors_total", { source: "outbox" })).toBe(1);
    expect(valueOf(samples, "ortak_scrape_errors_total", { source: "queue" })).toBeUndefined();
    expect(valueOf(samples, "ortak_outbox_rows", { status: "scheduled" })).toBeUndefined();
    expect(valueOf(samples, "ortak_queue_jobs", { state: "waiting" })).toBe(5);

    const again = await scrape(metrics);
    expect(valueOf(again, "ortak_scrape_errors_total", { source: "outbox" })).toBe(2);
  });

  it("survives a source that rejects with something that is not an Error", async () => {
    const metrics = createMetrics({
      outboxByStatus: () => Promise.reject("nope"),
      queueByState: () => Promise.reject(undefined),
    });
    const samples = await scrape(metrics);
    expect(valueOf(samples, "ortak_scrape_errors_total", { source: "outbox" })).toBe(1);
    expect(valueOf(samples, "ortak_scrape_errors_total", { source: "queue" })).toBe(1);
  });

  it("turns label values outside [A-Za-z_-]{1,40} into \"other\"", async () => {
    const metrics = createMetrics(fixedSources({ "scheduled; drop": 1, sent: 2 }, { ["x".repeat(41)]: 3 }));
    metrics.updateHandled("chat 12345", 0.01, "ok");
    metrics.updateHandled("", 0.01, "ok");
    metrics.updateHandled("my_chat_member", 0.01, "ok");
    metrics.outboxDelivered("reminder-24h", "sent");
    metrics.outboxDelivered("card-dm", 'sent"}\n');
    metrics.telegramError("a".repeat(41), 400);
    metrics.telegramError("sendMessage", 12_345);
    metrics.telegramError("sendMessage", Number.NaN);

    const samples = await scrape(metrics);
    expect(valueOf(samples, "ortak_updates_total", { kind: "other", outcome: "ok" })).toBe(2);
    expect(valueOf(samples, "ortak_updates_total", { kind: "my_chat_member", outcome: "ok" })).toBe(1);
    expect(valueOf(samples, "ortak_outbox_deliveries_total", { kind: "other", outcome: "sent" })).toBe(1);
    expect(valueOf(samples, "ortak_outbox_deliveries_total", { kind: "card-dm", outcome: "other" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_errors_total", { method: "other", code: "400" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_errors_total", { method: "sendMessage", code: "other" })).toBe(2);
    expect(valueOf(samples, "ortak_outbox_rows", { status: "other" })).toBe(1);
    expect(valueOf(samples, "ortak_outbox_rows", { status: "sent" })).toBe(2);
    expect(valueOf(samples, "ortak_queue_jobs", { state: "other" })).toBe(3);
  });

  it("does not let a bad duration break the histogram", async () => {
    const metrics = createMetrics(fixedSources());
    metrics.updateHandled("message", Number.NaN, "ok");
    metrics.updateHandled("message", -1, "ok");
    const samples = await scrape(metrics);
    expect(valueOf(samples, "ortak_update_handler_seconds_count", { kind: "message" })).toBe(2);
    expect(valueOf(samples, "ortak_update_handler_seconds_sum", { kind: "message" })).toBe(0);
  });
});

describe("metricsMiddleware", () => {
  it("counts a handled update by its kind", async () => {
    const metrics = createMetrics(fixedSources());
    const middleware = metricsMiddleware(metrics);
    await middleware(contextFor({ callback_query: { id: "1" } }), async () => {});
    await middleware(contextFor({ message: { message_id: 1 } }), async () => {});

    const samples = await scrape(metrics);
    expect(valueOf(samples, "ortak_updates_total", { kind: "callback_query", outcome: "ok" })).toBe(1);
    expect(valueOf(samples, "ortak_updates_total", { kind: "message", outcome: "ok" })).toBe(1);
    expect(valueOf(samples, "ortak_update_handler_seconds_count", { kind: "callback_query" })).toBe(1);
  });

  it("times the rest of the chain", async () => {
    const metrics = createMetrics(fixedSources());
    await metricsMiddleware(metrics)(contextFor({ message: {} }), () => new Promise((resolve) => setTimeout(resolve, 30)));
    const samples = await scrape(metrics);
    const sum = valueOf(samples, "ortak_update_handler_seconds_sum", { kind: "message" }) ?? 0;
    expect(sum).toBeGreaterThanOrEqual(0.025);
    expect(sum).toBeLessThan(5);
  });

  it("counts a failing handler as an error and rethrows what it threw", async () => {
    const metrics = createMetrics(fixedSources());
    const failure = new Error("handler broke");
    await expect(
      metricsMiddleware(metrics)(contextFor({ my_chat_member: {} }), async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);

    const samples = await scrape(metrics);
    expect(valueOf(samples, "ortak_updates_total", { kind: "my_chat_member", outcome: "error" })).toBe(1);
    expect(valueOf(samples, "ortak_updates_total", { kind: "my_chat_member", outcome: "ok" })).toBeUndefined();
  });

  it("calls an update with nothing but update_id \"other\"", async () => {
    const metrics = createMetrics(fixedSources());
    await metricsMiddleware(metrics)(contextFor({}), async () => {});
    expect(valueOf(await scrape(metrics), "ortak_updates_total", { kind: "other", outcome: "ok" })).toBe(1);
  });
});

describe("countTelegramErrors", () => {
  it("passes successful results through without counting", async () => {
    const metrics = createMetrics(fixedSources());
    const ok = { ok: true, result: { message_id: 1 } };
    const result = await countTelegramErrors(metrics)(answering(ok), "sendMessage", { chat_id: 1, text: "x" });
    expect(result).toBe(ok);
    const samples = await scrape(metrics);
    expect(samples.some((sample) => sample.name === "ortak_telegram_errors_total")).toBe(false);
  });

  it("counts error results, and 429s separately, returning them unchanged", async () => {
    const metrics = createMetrics(fixedSources());
    const transformer = countTelegramErrors(metrics);
    const tooMany = { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } };
    const result = await transformer(answering(tooMany), "sendMessage", { chat_id: 1, text: "x" });
    expect(result).toBe(tooMany);
    await transformer(answering({ ok: false, error_code: 400, description: "Bad Request" }), "editMessageText", {
      chat_id: 1,
      message_id: 2,
      text: "x",
    });

    const samples = await scrape(metrics);
    expect(valueOf(samples, "ortak_telegram_errors_total", { method: "sendMessage", code: "429" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_429_total", { method: "sendMessage" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_errors_total", { method: "editMessageText", code: "400" })).toBe(1);
    expect(valueOf(samples, "ortak_telegram_429_total", { method: "editMessageText" })).toBeUndefined();
  });

  it("counts a thrown GrammyError by its code and rethrows it", async () => {
    const metrics = createMetrics(fixedSources());
    const forbidden = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      "sendMessage",
      {},
    );
    await expect(countTelegramErrors(metrics)(throwing(forbidden), "sendMessage", { chat_id: 1, text: "x" })).rejects.toBe(
      forbidden,
    );
    expect(valueOf(await scrape(metrics), "ortak_telegram_errors_total", { method: "sendMessage", code: "403" })).toBe(1);
  });

  it("counts a network failure as code 0 and rethrows it", async () => {
    const metrics = createMetrics(fixedSources());
    const offline = new Error("connect ECONNREFUSED");
    await expect(countTelegramErrors(metrics)(throwing(offline), "getUpdates", {})).rejects.toBe(offline);
    expect(valueOf(await scrape(metrics), "ortak_telegram_errors_total", { method: "getUpdates", code: "0" })).toBe(1);
  });
});
