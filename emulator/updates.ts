import type { ChangeFeed } from "./change-feed.ts";
import { ApiError, badRequest } from "./errors.ts";
import type { FaultInjector } from "./faults.ts";
import type { Params } from "./params.ts";

/** An update as the bot receives it. */
export type PendingUpdate = { update_id: number } & Record<string, unknown>;

/** What of the queue outlives a restart: Telegram keeps unconfirmed updates for the bot. */
export interface UpdateQueueState {
  nextUpdateId: number;
  pending: PendingUpdate[];
  allowedUpdates: string[];
}

export const DEFAULT_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "channel_post", "edited_channel_post", "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll", "poll_answer", "chat_join_request"];

export interface UpdateQueueOptions {
  feed: ChangeFeed;
  now: () => number;
  /** First delay between webhook delivery attempts; doubles up to 30 s. */
  webhookRetryMs: number;
  /**
   * Webhook requests at once, at most the webhook's max_connections. 1 (the default): one update
   * at a time, in order. More: in parallel as Telegram does, with one update per sender at a time,
   * so each person's updates still arrive in the order they sent them.
   */
  webhookConnections?: number;
  faults?: FaultInjector;
}

interface Waiter {
  resolve: (updates: PendingUpdate[] | ApiError) => void;
  timer: NodeJS.Timeout;
}

interface Webhook {
  url: string;
  secret?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
  maxConnections: number;
}

/**
 * The bot's updates: queued until confirmed by a getUpdates offset or delivered to the webhook,
 * one long poll at a time, webhook deliveries with retries (in order, or in parallel with each
 * sender's updates in order).
 */
export class UpdateQueue {
  private nextUpdateId = 100_000;
  private pending: PendingUpdate[] = [];
  private allowedUpdates = DEFAULT_UPDATES;
  private poller: Waiter | undefined;
  private webhook: Webhook | undefined;
  private webhookRunning = false;

  private readonly feed: ChangeFeed;
  private readonly now: () => number;
  private readonly webhookRetryMs: number;
  private readonly webhookConnections: number;
  private readonly faults: FaultInjector | undefined;
  /** Parallel delivery: updates on their way, and when a failed one may be tried again (with its next pause). */
  private readonly delivering = new Set<number>();
  private readonly retries = new Map<number, { at: number; delayMs: number }>();

  constructor(options: UpdateQueueOptions, state?: UpdateQueueState) {
    this.feed = options.feed;
    this.now = options.now;
    this.webhookRetryMs = options.webhookRetryMs;
    this.webhookConnections = Math.max(1, options.webhookConnections ?? 1);
    this.faults = options.faults;
    if (state) {
      this.nextUpdateId = state.nextUpdateId;
      this.pending = structuredClone(state.pending);
      this.allowedUpdates = [...state.allowedUpdates];
    }
  }

  readonly methods: Record<string, (params: Params) => unknown> = {
    getUpdates: (params) => this.getUpdates(params),
    setWebhook: (params) => this.setWebhook(params),
    deleteWebhook: (params) => this.deleteWebhook(params),
    getWebhookInfo: () => this.webhookInfo(),
  };

  /** Updates not yet confirmed by the bot (getUpdates offset) or delivered to its webhook. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** The id the next update will get; callback query ids are made from it. */
  get upcomingId(): number {
    return this.nextUpdateId;
  }

  state(): UpdateQueueState {
    return { nextUpdateId: this.nextUpdateId, pending: structuredClone(this.pending), allowedUpdates: [...this.allowedUpdates] };
  }

  /** Queues an update of `kind` unless the bot left that kind out of allowed_updates. */
  enqueue(kind: string, payload: Record<string, unknown>): PendingUpdate | undefined {
    if (!this.allowedUpdates.includes(kind)) return undefined;
    const update: PendingUpdate = { update_id: this.nextUpdateId++, [kind]: payload };
    this.pending.push(update);
    if (this.webhook) void this.deliverWebhooks();
    else if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve(this.pending.slice(0, 100));
    }
    return update;
  }

  /** The server goes away: no webhook, and a waiting long poll ends empty. */
  stop(): void {
    this.webhook = undefined;
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve([]);
      this.poller = undefined;
    }
  }

  private getUpdates(params: Params): Promise<PendingUpdate[]> | PendingUpdate[] {
    if (this.webhook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = params.optionalInteger("offset");
    const limit = Math.min(100, Math.max(1, params.optionalInteger("limit") ?? 100));
    const timeout = Math.max(0, params.optionalInteger("timeout") ?? 0);
    this.readAllowedUpdates(params);
    if (offset !== undefined && offset < 0) {
      this.pending = this.pending.slice(offset);
    } else if (offset !== undefined) {
      this.pending = this.pending.filter((update) => update.update_id >= offset);
    }
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve(new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
      this.poller = undefined;
    }
    if (this.pending.length > 0 || timeout === 0) return this.pending.slice(0, limit);
    return new Promise<PendingUpdate[]>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (result) => {
          if (this.poller === waiter) this.poller = undefined;
          if (result instanceof ApiError) reject(result);
          else resolve(result.length > 0 ? result : this.pending.slice(0, limit));
        },
        timer: setTimeout(() => waiter.resolve([]), timeout * 1000),
      };
      this.poller = waiter;
    });
  }

  private readAllowedUpdates(params: Params): void {
    const allowed = params.json<string[]>("allowed_updates");
    if (allowed !== undefined) this.allowedUpdates = allowed.length > 0 ? allowed : DEFAULT_UPDATES;
  }

  private setWebhook(params: Params): boolean {
    const url = params.optionalString("url") ?? "";
    if (url === "") {
      this.webhook = undefined;
      return true;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest("bad webhook: Failed to resolve host: Name or service not known");
    }
    // Telegram demands https; the emulator also accepts http on loopback, where tests listen.
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
    if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback)) {
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    const secret = params.optionalString("secret_token");
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest("bad webhook: secret token contains unallowed characters");
    }
    this.readAllowedUpdates(params);
    if (params.boolean("drop_pending_updates")) this.pending = [];
    this.webhook = { url, secret, maxConnections: params.optionalInteger("max_connections") ?? 40 };
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve(new ApiError(409, "Conflict: terminated by setWebhook request"));
    }
    void this.deliverWebhooks();
    return true;
  }

  private deleteWebhook(params: Params): boolean {
    this.webhook = undefined;
    if (params.boolean("drop_pending_updates")) this.pending = [];
    return true;
  }

  private webhookInfo() {
    return {
      url: this.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
      ...(this.webhook ? { max_connections: this.webhook.maxConnections, allowed_updates: this.allowedUpdates } : {}),
      ...(this.webhook?.lastErrorDate ? { last_error_date: this.webhook.lastErrorDate, last_error_message: this.webhook.lastErrorMessage } : {}),
    };
  }

  private deliverWebhooks(): Promise<void> {
    if (this.webhookConnections === 1) return this.deliverInOrder();
    this.deliverInParallel();
    return Promise.resolve();
  }

  /** Posts pending updates to the webhook one by one, in order, retrying on failure. */
  private async deliverInOrder(): Promise<void> {
    if (this.webhookRunning) return;
    this.webhookRunning = true;
    let delay = this.webhookRetryMs;
    try {
      while (this.webhook && this.pending.length > 0) {
        const hook = this.webhook;
        const update = this.pending[0]!;
        const failure = await post(hook, update, this.faults?.forWebhook(update.update_id));
        if (failure === undefined) {
          if (this.pending[0] === update) this.pending.shift();
          delay = this.webhookRetryMs;
          this.feed.changed();
        } else {
          this.webhookFailed(hook, failure);
          await new Promise((resolve) => setTimeout(resolve, delay));
          delay = Math.min(delay * 2, 30_000);
        }
      }
    } finally {
      this.webhookRunning = false;
    }
  }

  /**
   * Starts as many deliveries as the connections allow: the oldest pending updates first, never
   * two of one sender at once, and never one behind an older update of its sender that waits.
   */
  private deliverInParallel(): void {
    const hook = this.webhook;
    if (!hook) return;
    const limit = Math.min(this.webhookConnections, hook.maxConnections);
    const now = this.now();
    const held = new Set<string>();
    let nextRetry = Infinity;
    for (const update of this.pending) {
      if (this.delivering.size >= limit) break;
      const sender = senderOf(update);
      if (held.has(sender)) continue;
      held.add(sender);
      if (this.delivering.has(update.update_id)) continue;
      const retry = this.retries.get(update.update_id);
      if (retry && retry.at > now) {
        nextRetry = Math.min(nextRetry, retry.at);
        continue;
      }
      this.delivering.add(update.update_id);
      void this.deliverOne(hook, update);
    }
    if (nextRetry < Infinity) setTimeout(() => this.deliverInParallel(), nextRetry - now).unref();
  }

  private async deliverOne(hook: Webhook, update: PendingUpdate): Promise<void> {
    const failure = await post(hook, update, this.faults?.forWebhook(update.update_id));
    this.delivering.delete(update.update_id);
    if (failure === undefined) {
      this.pending = this.pending.filter((pending) => pending.update_id !== update.update_id);
      this.retries.delete(update.update_id);
      this.feed.changed();
    } else {
      this.webhookFailed(hook, failure);
      const delayMs = this.retries.get(update.update_id)?.delayMs ?? this.webhookRetryMs;
      this.retries.set(update.update_id, { at: this.now() + delayMs, delayMs: Math.min(delayMs * 2, 30_000) });
    }
    this.deliverInParallel();
  }

  private webhookFailed(hook: Webhook, failure: string): void {
    hook.lastErrorDate = Math.floor(this.now() / 1000);
    hook.lastErrorMessage = failure;
    this.feed.webhookError(failure);
  }
}

/** Whose update it is: the person (or, for a channel post, the chat) it comes from. */
function senderOf(update: PendingUpdate): string {
  for (const [kind, payload] of Object.entries(update)) {
    if (kind === "update_id" || typeof payload !== "object" || payload === null) continue;
    const body = payload as { from?: { id?: number }; chat?: { id?: number }; user?: { id?: number } };
    const id = body.from?.id ?? body.user?.id ?? body.chat?.id;
    if (id !== undefined) return String(id);
  }
  return `update ${update.update_id}`;
}

/**
 * One webhook delivery; the failure as Telegram reports it in getWebhookInfo, if any. `cutAfterMs`:
 * an injected fault closes the connection this long after sending, whether or not the bot got it.
 */
async function post(hook: Webhook, update: PendingUpdate, cutAfterMs?: number): Promise<string | undefined> {
  const cut = new AbortController();
  const timer = cutAfterMs === undefined ? undefined : setTimeout(() => cut.abort(new Error("connection reset")), cutAfterMs);
  try {
    const response = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(hook.secret ? { "X-Telegram-Bot-Api-Secret-Token": hook.secret } : {}),
      },
      body: JSON.stringify(update),
      signal: AbortSignal.any([AbortSignal.timeout(60_000), cut.signal]),
    });
    await response.arrayBuffer();
    if (!response.ok) return `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    return undefined;
  } catch (error) {
    return `Connection refused: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}
