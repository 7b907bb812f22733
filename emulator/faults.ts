import { ApiError, tooManyRequests } from "./errors.ts";

/**
 * How often a kind of call fails, each a probability from 0 to 1, drawn per call in this order.
 * What each fault is, as Telegram shows it from the outside:
 * - `tooManyRequests`: 429 with `parameters.retry_after` (seconds, drawn from `retryAfterSeconds`);
 * - `serverError`: a 5xx — Telegram's JSON 500, or the HTML 502 of the proxy in front of it;
 * - `dropBefore`: the connection is closed without an answer and the call is not carried out;
 * - `dropAfter`: the call is carried out (a message is sent) and the answer is lost with the
 *   connection: the caller cannot tell it from `dropBefore`.
 */
export interface CallFaults {
  tooManyRequests?: number;
  serverError?: number;
  dropBefore?: number;
  dropAfter?: number;
  /** Inclusive range of retry_after seconds for an injected 429; [1, 3] unless given. */
  retryAfterSeconds?: [number, number];
}

export interface FaultSettings {
  /** The same seed gives the same sequence of draws (which call gets which depends on timing). */
  seed: number;
  /** getUpdates calls (long polling). */
  getUpdates?: CallFaults;
  /** Every other Bot API method the bot calls (sendMessage, answerCallbackQuery, …). */
  botCalls?: CallFaults;
  /** Webhook deliveries: the probability that a delivery's connection is cut before its answer arrives (Telegram retries it). */
  webhookDrop?: number;
}

export type FaultTarget = "getUpdates" | "botCalls" | "webhook";
export type FaultKind = "429" | "5xx" | "drop-before" | "drop-after" | "drop";

/** What the server does with one call. */
export type CallFault =
  | { kind: "answer"; error: ApiError; html?: string }
  | { kind: "drop-before" }
  | { kind: "drop-after" };

/** A fault injected, for a report or a test. */
export interface InjectedFault {
  at: number;
  target: FaultTarget;
  kind: FaultKind;
  method: string;
  chatId?: number;
}

/**
 * Telegram failing now and then, seeded: draws for each call whether it fails and how, and
 * remembers every fault it injected. Off until `configure`; `configure(undefined)` turns it off.
 */
export class FaultInjector {
  private settings: FaultSettings | undefined;
  private random: () => number = Math.random;
  readonly injected: InjectedFault[] = [];
  /** One-off drops asked for by a test (dropNext), served before any drawn fault. */
  private readonly nextDrops: { method: string; kind: "drop-before" | "drop-after" }[] = [];

  constructor(private readonly now: () => number) {}

  configure(settings: FaultSettings | undefined): void {
    this.settings = settings;
    if (settings) this.random = mulberry32(settings.seed);
  }

  get active(): boolean {
    return this.settings !== undefined;
  }

  /** The next call of `method` loses its connection: before it is carried out, or after. */
  dropNext(method: string, kind: "drop-before" | "drop-after"): void {
    this.nextDrops.push({ method, kind });
  }

  /** For a call of `method`: nothing, or the fault to serve. */
  forCall(method: string, chatId?: number): CallFault | undefined {
    const target: FaultTarget = method === "getUpdates" ? "getUpdates" : "botCalls";
    const planned = this.nextDrops.findIndex((drop) => drop.method === method);
    if (planned >= 0) {
      const [drop] = this.nextDrops.splice(planned, 1);
      this.note(target, drop!.kind, method, chatId);
      return { kind: drop!.kind };
    }
    const faults = this.settings?.[target];
    if (!faults) return undefined;
    const draw = this.random();
    let threshold = 0;
    const hit = (probability: number | undefined) => draw < (threshold += probability ?? 0);
    if (hit(faults.tooManyRequests)) {
      const [min, max] = faults.retryAfterSeconds ?? [1, 3];
      this.note(target, "429", method, chatId);
      return { kind: "answer", error: tooManyRequests(min + Math.floor(this.random() * (max - min + 1))) };
    }
    if (hit(faults.serverError)) {
      this.note(target, "5xx", method, chatId);
      // Telegram's own 500 is JSON; a 502 comes from the proxy in front of it, as an HTML page.
      return this.random() < 0.5
        ? { kind: "answer", error: new ApiError(500, "Internal Server Error") }
        : { kind: "answer", error: new ApiError(502, "Bad Gateway"), html: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n" };
    }
    if (hit(faults.dropBefore)) {
      this.note(target, "drop-before", method, chatId);
      return { kind: "drop-before" };
    }
    if (hit(faults.dropAfter)) {
      this.note(target, "drop-after", method, chatId);
      return { kind: "drop-after" };
    }
    return undefined;
  }

  /** For a webhook delivery: how many ms after sending to cut its connection, or undefined. */
  forWebhook(updateId: number): number | undefined {
    const probability = this.settings?.webhookDrop;
    if (!probability || this.random() >= probability) return undefined;
    this.note("webhook", "drop", `update ${updateId}`);
    return Math.floor(this.random() * 200);
  }

  /** Faults injected so far, counted by target and kind ("botCalls 429": 12, …). */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const fault of this.injected) {
      const key = `${fault.target} ${fault.kind}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  private note(target: FaultTarget, kind: FaultKind, method: string, chatId?: number): void {
    this.injected.push({ at: this.now(), target, kind, method, ...(chatId !== undefined ? { chatId } : {}) });
  }
}

/** A small seeded generator (Mulberry32): uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
