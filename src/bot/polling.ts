import { createConcurrentSink, createRunner, createSource, type UpdateSupplier } from "@grammyjs/runner";
import { BotError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import { withLogFields, type Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";
import { classifyTelegramFailure } from "./telegram-failure.ts";
import { pause } from "./pause.ts";

/** Telegram ended polling for good: the token was revoked (401) or another process polls with it (409). */
export class PollingEnded extends Error {
  constructor(
    readonly kind: "unauthorized" | "conflict" | "failed",
    readonly reason: string,
  ) {
    super(
      kind === "conflict"
        ? "another process is polling with this token (409); stopping"
        : kind === "unauthorized"
          ? "the token was revoked or is wrong (401); stopping"
          : `polling for updates failed: ${reason}; stopping`,
    );
    this.name = "PollingEnded";
  }
}

type UpdateKind = Exclude<keyof Update, "update_id">;
// The runner hands out abort-controller's AbortSignal, which grammY also takes.
type Signal = Parameters<UpdateSupplier<Update>["supply"]>[1];

export interface PollingOptions {
  allowedUpdates: readonly UpdateKind[];
  logger: Logger;
  /** Long-polling timeout while no update is being handled. */
  timeoutSeconds?: number;
  /** While an update is being handled, how long to wait for it before asking for newer ones. */
  heldPollMs?: number;
  /** While updates are being handled, the least time between two calls (unless all have finished). */
  minHeldPollMs?: number;
  /** Updates handled at once (the runner's sink). */
  concurrency?: number;
  /** Called once when Telegram ends polling; the caller stops the process in order. */
  onEnded: (ended: PollingEnded) => void;
}

export interface Polling {
  /** Stops fetching, waits for every update taken to be handled, then confirms them to Telegram. */
  stop(): Promise<void>;
}

const MAX_BATCH = 100;
const MAX_RETRY_MS = 30_000;

/**
 * Tracks which fetched updates are still being handled. Telegram forgets every update below the
 * `offset` of a getUpdates call, so the offset only passes updates whose handlers have finished:
 * after a crash (kill -9) Telegram delivers the unfinished ones again.
 */
export class UpdateOffsets {
  private readonly unfinished = new Set<number>();
  private highestFetched = 0;
  // Raised past updates still running only when the fetch window is full of them (see take()).
  private floor = 0;
  private waiters: (() => void)[] = [];

  /** The offset that confirms exactly the finished updates (0 before the first fetch: from the oldest). */
  get offset(): number {
    if (this.highestFetched === 0) return 0;
    let lowest = this.highestFetched + 1;
    for (const id of this.unfinished) if (id >= this.floor && id < lowest) lowest = id;
    return lowest;
  }

  /** Whether a getUpdates with `offset` would answer at once with updates already taken. */
  get held(): boolean {
    return this.highestFetched > 0 && this.offset <= this.highestFetched;
  }

  get running(): number {
    return this.unfinished.size;
  }

  /** Keeps the updates not seen before as unfinished and returns them. */
  take(updates: readonly Update[], limit: number): Update[] {
    const fresh = updates.filter((update) => update.update_id > this.highestFetched);
    if (fresh.length === 0 && updates.length >= limit && this.held) {
      // The whole window Telegram returns is updates still running: newer ones cannot be seen
      // without confirming these, so they are confirmed (at most once, for these) rather than stall.
      this.floor = this.highestFetched + 1;
    }
    for (const update of fresh) this.unfinished.add(update.update_id);
    if (fresh.length > 0) this.highestFetched = fresh[fresh.length - 1]!.update_id;
    return fresh;
  }

  finished(updateId: number): void {
    this.unfinished.delete(updateId);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when an update finishes, after `ms`, or on abort, whichever is first. */
  nextFinish(ms: number, signal?: Signal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done);
      this.waiters.push(done);
    });
  }

  async allFinished(): Promise<void> {
    while (this.unfinished.size > 0) await this.nextFinish(1_000);
  }
}

/**
 * Long polling with @grammyjs/runner's concurrent sink and source, and an update supplier of our
 * own: the runner's fetcher confirms each batch with its next call, before the handlers ran.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Polling {
  const { logger } = options;
  const offsets = new UpdateOffsets();
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const heldPollMs = options.heldPollMs ?? 250;
  const minHeldPollMs = options.minHeldPollMs ?? 20;
  let ended: PollingEnded | undefined;
  // The offset Telegram last saw: everything below it is forgotten there.
  let confirmed = 0;
  let lastPollAt = 0;
  let lastPollFilledWithNew = false;

  const supplier: UpdateSupplier<Update> = {
    supply: async (batchSize, signal) => {
      // An update still running makes Telegram answer at once (it is still pending), and every
      // call returns the running ones again. Right after a call that filled its window with new
      // updates, more may be waiting beyond it: ask again at once, as a plain runner would. After
      // a call that was not full, everything pending was seen, and asking at once would mostly
      // fetch updates already taken: wait for a handler to finish (or a little while), then until
      // minHeldPollMs have passed since the last call, so newer updates gather and the call is
      // worth it; or until every update taken has finished, when the call brings only new ones.
      if (offsets.held && !lastPollFilledWithNew) {
        await offsets.nextFinish(heldPollMs, signal);
        for (let since = performance.now() - lastPollAt; offsets.held && since < minHeldPollMs && !signal.aborted; since = performance.now() - lastPollAt) {
          await offsets.nextFinish(minHeldPollMs - since, signal);
        }
      }
      // A monotonic clock: a wall clock set back (NTP, a test's clock) must not stop polling.
      lastPollAt = performance.now();
      const limit = Math.max(1, Math.min(batchSize, MAX_BATCH));
      const offset = offsets.offset;
      const updates = await fetchWithRetry(bot, { offset, limit, timeout: offsets.held ? 0 : timeoutSeconds, allowed_updates: options.allowedUpdates }, signal, logger);
      confirmed = offset;
      const fresh = offsets.take(updates, limit);
      lastPollFilledWithNew = fresh.length > 0 && updates.length >= limit;
      return fresh;
    },
  };
  const sink = createConcurrentSink<Update>(
    {
      // In the update's log context from here: the error boundary's lines carry what the handler learnt (its meeting).
      consume: (update) =>
        withLogFields({ update_id: update.update_id }, async () => {
          try {
            await bot.handleUpdate(update);
          } catch (error) {
            // The bot's error boundary logs and tells the person; it is what bot.start() would call.
            await runErrorBoundary(bot, error, logger);
          } finally {
            offsets.finished(update.update_id);
          }
        }),
    },
    async (error) => logger.error({ err: error }, "update handling failed"),
    { concurrency: options.concurrency ?? 500 },
  );
  const runner = createRunner(createSource(supplier), sink);
  runner.start();
  runner.task()?.catch((error: unknown) => {
    ended = error instanceof PollingEnded ? error : new PollingEnded("failed", error instanceof Error ? error.message : String(error));
    options.onEnded(ended);
  });

  return {
    stop: async () => {
      await runner.stop();
      await offsets.allFinished();
      // After a 409, another process polls: a getUpdates from here would end its long poll.
      if (ended || offsets.offset <= confirmed) return;
      await bot.api.getUpdates({ offset: offsets.offset, limit: 1, timeout: 0 }).catch((error: unknown) =>
        logger.warn({ err: error }, "could not confirm the last handled update to Telegram"),
      );
    },
  };
}

/**
 * What bot.start() does with a handler's error: the bot's error boundary logs it and tells the
 * person. Called in the update's log context (withLogFields), which names the update.
 */
export async function runErrorBoundary(bot: Bot<BotContext>, error: unknown, logger: Logger): Promise<void> {
  if (!(error instanceof BotError)) {
    logger.error({ err: error }, "update handling failed");
    return;
  }
  try {
    await bot.errorHandler(error as BotError<BotContext>);
  } catch (inner) {
    logger.error({ err: inner }, "the error boundary failed");
  }
}

async function fetchWithRetry(
  bot: Bot<BotContext>,
  args: { offset: number; limit: number; timeout: number; allowed_updates: readonly UpdateKind[] },
  signal: Signal,
  logger: Logger,
): Promise<Update[]> {
  let delay = 1_000;
  for (;;) {
    try {
      return await bot.api.getUpdates({ ...args, allowed_updates: [...args.allowed_updates] }, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const failure = classifyTelegramFailure(error);
      if (failure.kind === "unauthorized" || failure.kind === "conflict") throw new PollingEnded(failure.kind, failure.reason);
      if (failure.kind === "not-found" || failure.kind === "refused") throw new PollingEnded("failed", failure.reason);
      const wait = failure.kind === "rate-limited" ? failure.retryAfterSeconds * 1_000 : delay;
      logger.warn({ retryInMs: wait }, `could not get updates from Telegram: ${failure.reason}; retrying in ${Math.ceil(wait / 1000)} s`);
      await pause(wait, signal);
      if (failure.kind !== "rate-limited") delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }
}
