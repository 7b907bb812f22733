import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { GrammyError } from "grammy";
import type { Context, MiddlewareFn, Transformer } from "grammy";

/** The update's field that says what it is: "message", "callback_query", "my_chat_member", … */
export type UpdateKind = string;
export type OutboxOutcome = "sent" | "skipped" | "failed" | "later" | "not-mine" | string;

export interface DepthSources {
  /** Outbox rows by status (scheduled, sending, sent, skipped, failed, cancelled): read at scrape time. */
  outboxByStatus(): Promise<Record<string, number>>;
  /** BullMQ job counts by state (waiting, delayed, active, failed…): read at scrape time. */
  queueByState(): Promise<Record<string, number>>;
}

export interface Metrics {
  readonly registry: Registry;
  /** One update handled: its kind and how long the handler took. */
  updateHandled(kind: UpdateKind, seconds: number, outcome: "ok" | "error"): void;
  /** One outbox delivery finished with this outcome, for a row of this kind. */
  outboxDelivered(kind: string, outcome: OutboxOutcome): void;
  /** Telegram answered a call with an error. */
  telegramError(method: string, code: number): void;
  /** Prometheus text exposition, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** From a fast callback answer (~1 ms) to a slow export or a handler stuck behind the send budget (10 s). */
const HANDLER_SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const BOUNDED_LABEL = /^[A-Za-z_-]{1,40}$/;

/**
 * Every label value comes from code, not users, but a bug that passed e.g. a chat id would
 * create a series per value and swell the scrape without limit: anything unusual is "other".
 */
function boundedLabel(value: string): string {
  return BOUNDED_LABEL.test(value) ? value : "other";
}

/** Telegram error codes are HTTP-like; 0 stands for "no answer" (network failure). */
function boundedCode(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 599 ? String(code) : "other";
}

type DepthSourceName = "outbox" | "queue";

/** A gauge that mirrors one source's counts; labels seen once stay, at 0, so series do not flicker. */
function depthGauge(gauge: Gauge<string>, labelName: string) {
  const seen = new Set<string>();
  return {
    show(counts: Record<string, number>): void {
      const fresh = new Map<string, number>();
      for (const [key, count] of Object.entries(counts)) {
        const label = boundedLabel(key);
        if (Number.isFinite(count)) fresh.set(label, (fresh.get(label) ?? 0) + count);
      }
      for (const label of seen) if (!fresh.has(label)) fresh.set(label, 0);
      for (const [label, count] of fresh) {
        seen.add(label);
        gauge.set({ [labelName]: label }, count);
      }
    },
    /**
     * An unreadable source shows no value rather than a stale one: the series goes absent and
     * ortak_scrape_errors_total says why, instead of a flat line that looks healthy.
     */
    hide(): void {
      gauge.reset();
    },
  };
}

export function createMetrics(sources: DepthSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const updates = new Counter({
    name: "ortak_updates_total",
    help: "Telegram updates handled, by update kind and outcome.",
    labelNames: ["kind", "outcome"],
    registers: [registry],
  });
  const handlerSeconds = new Histogram({
    name: "ortak_update_handler_seconds",
    help: "Time the bot's middleware took for one update, by update kind.",
    labelNames: ["kind"],
    buckets: HANDLER_SECONDS_BUCKETS,
    registers: [registry],
  });
  const outboxDeliveries = new Counter({
    name: "ortak_outbox_deliveries_total",
    help: "Outbox deliveries finished, by row kind and outcome.",
    labelNames: ["kind", "outcome"],
    registers: [registry],
  });
  const telegramErrors = new Counter({
    name: "ortak_telegram_errors_total",
    help: "Bot API calls answered with an error, by method and error code (0: no answer).",
    labelNames: ["method", "code"],
    registers: [registry],
  });
  const telegram429s = new Counter({
    name: "ortak_telegram_429_total",
    help: "Bot API calls refused with 429 Too Many Requests, by method.",
    labelNames: ["method"],
    registers: [registry],
  });

  // Depths are read once per scrape, shared by every metric that needs them: the error counter
  // waits for the same read so a failure shows up in the scrape that hit it, not the next one.
  let refreshing: Promise<void> | undefined;
  function refreshDepthsOnce(): Promise<void> {
    refreshing ??= refreshDepths().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  const scrapeErrors = new Counter({
    name: "ortak_scrape_errors_total",
    help: "Depth sources that could not be read during a scrape, by source.",
    labelNames: ["source"],
    registers: [registry],
    async collect() {
      await refreshDepthsOnce();
    },
  });
  const outboxRows = depthGauge(
    new Gauge({
      name: "ortak_outbox_rows",
      help: "Outbox rows by status, read at scrape time.",
      labelNames: ["status"],
      registers: [registry],
      async collect() {
        await refreshDepthsOnce();
      },
    }),
    "status",
  );
  const queueJobs = depthGauge(
    new Gauge({
      name: "ortak_queue_jobs",
      help: "Queued jobs by state, read at scrape time.",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        await refreshDepthsOnce();
      },
    }),
    "state",
  );

  async function refreshOne(
    source: DepthSourceName,
    read: () => Promise<Record<string, number>>,
    gauge: ReturnType<typeof depthGauge>,
  ): Promise<void> {
    try {
      gauge.show(await read());
    } catch {
      gauge.hide();
      scrapeErrors.inc({ source });
    }
  }

  async function refreshDepths(): Promise<void> {
    await Promise.all([
      refreshOne("outbox", () => sources.outboxByStatus(), outboxRows),
      refreshOne("queue", () => sources.queueByState(), queueJobs),
    ]);
  }

  return {
    registry,
    updateHandled(kind, seconds, outcome) {
      const label = boundedLabel(kind);
      updates.inc({ kind: label, outcome });
      handlerSeconds.observe({ kind: label }, Number.isFinite(seconds) && seconds > 0 ? seconds : 0);
    },
    outboxDelivered(kind, outcome) {
      outboxDeliveries.inc({ kind: boundedLabel(kind), outcome: boundedLabel(outcome) });
    },
    telegramError(method, code) {
      const label = boundedLabel(method);
      telegramErrors.inc({ method: label, code: boundedCode(code) });
      if (code === 429) telegram429s.inc({ method: label });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** The update's kind: its one field besides update_id. */
function updateKind(ctx: Context): UpdateKind {
  return Object.keys(ctx.update).find((key) => key !== "update_id") ?? "other";
}

/** Counts and times every update that passes through; put it first so it sees the whole handling. */
export function metricsMiddleware(metrics: Metrics): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = performance.now();
    let outcome: "ok" | "error" = "error";
    try {
      await next();
      outcome = "ok";
    } finally {
      metrics.updateHandled(updateKind(ctx), (performance.now() - started) / 1000, outcome);
    }
  };
}

/** Counts Bot API errors: answered ones by their code, unanswered ones (network) as code 0. */
export function countTelegramErrors(metrics: Metrics): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) metrics.telegramError(method, result.error_code);
      return result;
    } catch (error) {
      metrics.telegramError(method, error instanceof GrammyError ? error.error_code : 0);
      throw error;
    }
  };
}
