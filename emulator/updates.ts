import type { ChangeFeed } from "./change-feed.ts";
import { ApiError, badRequest } from "./errors.ts";
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
 * one long poll at a time, webhook deliveries in order with retries.
 */
export class UpdateQueue {
  private nextUpdateId = 100_000;
  private pending: PendingUpdate[] = [];
  private allowedUpdates = DEFAULT_UPDATES;
  private poller: Waiter | undefined;
  private webhook: Webhook | undefined;
  private webhookRunning = false;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly now: () => number,
    /** First delay between webhook delivery attempts; doubles up to 30 s. */
    private readonly webhookRetryMs: number,
    state?: UpdateQueueState,
  ) {
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

  /** Posts pending updates to the webhook one by one, in order, retrying on failure. */
  private async deliverWebhooks(): Promise<void> {
    if (this.webhookRunning) return;
    this.webhookRunning = true;
    let delay = this.webhookRetryMs;
    try {
      while (this.webhook && this.pending.length > 0) {
        const hook = this.webhook;
        const update = this.pending[0]!;
        const failure = await post(hook, update);
        if (failure === undefined) {
          if (this.pending[0] === update) this.pending.shift();
          delay = this.webhookRetryMs;
          this.feed.changed();
        } else {
          hook.lastErrorDate = Math.floor(this.now() / 1000);
          hook.lastErrorMessage = failure;
          this.feed.webhookError(failure);
          await new Promise((resolve) => setTimeout(resolve, delay));
          delay = Math.min(delay * 2, 30_000);
        }
      }
    } finally {
      this.webhookRunning = false;
    }
  }
}

/** One webhook delivery; the failure as Telegram reports it in getWebhookInfo, if any. */
async function post(hook: Webhook, update: PendingUpdate): Promise<string | undefined> {
  try {
    const response = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(hook.secret ? { "X-Telegram-Bot-Api-Secret-Token": hook.secret } : {}),
      },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    if (!response.ok) return `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    return undefined;
  } catch (error) {
    return `Connection refused: ${(error as Error).message}`;
  }
}
