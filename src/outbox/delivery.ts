import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import type { Translator } from "../bot/i18n.ts";
import type { PrismaClient } from "../db/client.ts";
import { addLogFields, withLogFields, type Logger } from "../logger.ts";
import { deliveryJobId, type DeliverPayload, type OutboxTransport } from "../../jobs/outbox.ts";
import { memberAudience, readAudience, resolveAudience } from "./audience.ts";
import { migrateChat } from "./chat-migration.ts";
import { OUTBOX_KINDS, rulesOf, type OutboxKind } from "./kinds.ts";
import type { Outbox } from "./outbox.ts";
import type { SendBudget } from "./budget.ts";
import type { InlineKeyboardMarkup } from "grammy/types";
import { currentOrganiserIds } from "../db/active-member.ts";
import type { Outgoing, OutboxRow, Payload, Rendering, Renderer, SilentRenderer, UnreachableHandler } from "./types.ts";

export type Renderers = { [K in OutboxKind]: (typeof OUTBOX_KINDS)[K] extends { silent: true } ? SilentRenderer : Renderer };

export interface DeliveryDeps {
  prisma: PrismaClient;
  outbox: Outbox;
  transport: OutboxTransport;
  /** An API without automatic retries: a 429 delays the row, it never holds a worker. */
  api: Api;
  budget: SendBudget;
  translator: Translator;
  renderers: Renderers;
  logger: Logger;
  clock: () => Date;
  /** A claim older than this belongs to a worker that died mid-send. */
  claimMs: number;
  /** Told how each claimed row's delivery ended (metrics). */
  observe?: (kind: string, result: DeliveryResult) => void;
  /** Kinds that record something when their member cannot be reached (a confidential venue's reveal). */
  onUnreachable?: Partial<Record<OutboxKind, UnreachableHandler>>;
}

/** Parts sent under one claim before the row goes back in line (a long copy shares the queue). */
const MAX_ROUNDS = 20;

export type DeliveryResult = "sent" | "skipped" | "failed" | "later" | "not-mine";

/** Tries before a message fails for good: with the pauses below, about 20 minutes of trying. */
export const MAX_ATTEMPTS = 10;
const MAX_BACKOFF_MS = 5 * 60_000;
const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, attempts - 1));

/**
 * Delivers one outbox row: claims it, renders it from the database as it is now, sends it within
 * Telegram's budgets, and records the outcome in the row. Telegram's answers decide what
 * follows: 429 waits retry_after without using an attempt, 403 means the person or chat cannot
 * be reached, a permanent 400 fails the row (and tells the organisers once), anything else is
 * tried again with a growing pause, a bounded number of times.
 */
export class OutboxDelivery {
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: DeliveryDeps) {}

  /** Every line logged meanwhile names the job, the row and its kind, and the row's meeting by number. */
  deliver(job: DeliverPayload): Promise<DeliveryResult> {
    const jobId = deliveryJobId({ id: job.id, notBefore: new Date(job.notBefore) });
    return withLogFields({ job_id: jobId, outboxId: job.id }, () => this.claimAndDeliver(job));
  }

  private async claimAndDeliver(job: DeliverPayload): Promise<DeliveryResult> {
    const { prisma, clock } = this.deps;
    const now = clock();
    // The meeting's number comes with the claim, for the logs: no second round trip.
    const claimed = await prisma.$queryRaw<DbRow[]>`
      UPDATE "OutboxMessage" SET status = 'sending', "claimedAt" = ${now}
      WHERE id = ${job.id} AND "notBefore" = ${new Date(job.notBefore)}
        AND (status = 'scheduled' OR (status = 'sending' AND "claimedAt" < ${new Date(now.getTime() - this.deps.claimMs)}))
      RETURNING id, "dedupeKey", kind, "networkId", "meetingId", audience, "offsetMinutes", payload, "notBefore", attempts,
        (SELECT m.number FROM "Meeting" m WHERE m.id = "OutboxMessage"."meetingId") AS "meetingNumber"`;
    const found = claimed[0];
    if (!found) return "not-mine";
    const { meetingNumber, ...row } = found;
    addLogFields({ kind: row.kind, ...(meetingNumber !== null ? { meeting: meetingNumber } : {}) });
    const claim = new Claim(this.deps, row as OutboxRow, now);
    const result = await this.rounds(claim);
    this.deps.observe?.(row.kind, result);
    this.deps.logger.debug({ result }, "outbox delivery done");
    return result;
  }

  private async rounds(claim: Claim): Promise<DeliveryResult> {
    try {
      // A message of several parts (or one whose chat moved) goes on under the same claim while the budget allows.
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const result = await this.handle(claim);
        if (result !== "next-part") return result;
      }
      return claim.later(0);
    } catch (error) {
      return claim.transientFailure(error);
    }
  }

  private async handle(claim: Claim): Promise<DeliveryResult | "next-part"> {
    const { row, now } = claim;
    const rules = rulesOf(row.kind);
    if (!rules) return claim.failed(`unknown kind ${row.kind}`);
    // Taken back from workers that died with it too often: it is what kills them.
    if (row.attempts >= MAX_ATTEMPTS) return claim.failed("its deliveries kept stopping half way");
    if (rules.staleAfterMs !== undefined && now.getTime() - row.notBefore.getTime() > rules.staleAfterMs) {
      this.deps.logger.warn({ notBefore: row.notBefore.toISOString() }, "outbox message skipped: missed by more than its grace period");
      return claim.finish("skipped", "missed while the bot was down");
    }
    const renderer = this.deps.renderers[row.kind as OutboxKind];
    let rendering: Rendering;
    if (rules.silent) {
      rendering = await (renderer as SilentRenderer)({ row, now });
    } else {
      const resolved = await resolveAudience(this.deps.prisma, this.deps.translator, row.networkId, row.audience);
      if (resolved.kind === "skip") {
        if (resolved.reason === "unreachable") await this.unreachable(row, now);
        return claim.finish("skipped", resolved.reason);
      }
      rendering = await (renderer as Renderer)({ row, to: resolved.recipient, now });
      if (rendering.kind === "send") return this.send(claim, resolved.recipient.chatId, resolved.recipient.topicId, rendering);
    }
    if (rendering.kind === "skip") return claim.finish("skipped", rendering.reason);
    if (rendering.kind === "done") return claim.finish("sent");
    return claim.failed("a silent kind rendered a message");
  }

  private async send(claim: Claim, chatId: number, topicId: number, rendering: Extract<Rendering, { kind: "send" }>): Promise<DeliveryResult | "next-part"> {
    const wait = await this.deps.budget.take(chatId);
    if (wait > 0) return claim.later(wait);
    const message = rendering.message;
    // Between Telegram's acceptance and the row marked sent, a crash repeats the message: one at a time.
    const outcome = await this.oneInFlight(async () => {
      let messageId: number;
      try {
        messageId = await this.call(chatId, topicId, message);
      } catch (error) {
        return { error };
      }
      return { messageId, result: await claim.sent(rendering, messageId) };
    });
    if ("error" in outcome) {
      if (!(outcome.error instanceof GrammyError)) return claim.transientFailure(outcome.error);
      return this.refused(claim, chatId, rendering, outcome.error);
    }
    return outcome.result;
  }

  /** The member of a row cannot be reached privately: what its kind records of that, in one transaction. */
  private async unreachable(row: OutboxRow, now: Date): Promise<void> {
    const handler = this.deps.onUnreachable?.[row.kind as OutboxKind];
    const audience = readAudience(row.audience);
    if (!handler || audience?.kind !== "member") return;
    await this.deps.outbox.transaction((out) => handler(out, row, audience.memberId, now));
  }

  /** The Telegram call for a rendered message; resolves with the message's id. */
  private async call(chatId: number, topicId: number, message: Outgoing): Promise<number> {
    const { api } = this.deps;
    const where = topicId ? { message_thread_id: topicId } : {};
    const markup = (keyboard: InlineKeyboardMarkup | undefined) => (keyboard ? { reply_markup: keyboard } : {});
    const protect = (on: boolean | undefined) => (on ? { protect_content: true } : {});
    if (message.method === "sendMessage") {
      return (await api.sendMessage(chatId, message.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...markup(message.keyboard), ...protect(message.protect), ...where })).message_id;
    }
    if (message.method === "pinChatMessage") {
      await api.pinChatMessage(chatId, message.messageId, { disable_notification: true });
      return message.messageId;
    }
    if (message.method === "unpinChatMessage") {
      await api.unpinChatMessage(chatId, message.messageId);
      return message.messageId;
    }
    if (message.method === "editMessageText") {
      await api.editMessageText(chatId, message.messageId, message.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...markup(message.keyboard) });
      return message.messageId;
    }
    return (await api.sendDocument(chatId, new InputFile(message.bytes, message.fileName), { ...(message.caption ? { caption: message.caption } : {}), ...protect(message.protect), ...where })).message_id;
  }

  /**
   * Runs `work` when no other message of this process is between its Telegram call and its row
   * marked sent: a crash (kill -9) then repeats at most one message. Claiming and rendering still
   * run side by side.
   */
  private oneInFlight<T>(work: () => Promise<T>): Promise<T> {
    const run = this.inFlight.then(work, work);
    this.inFlight = run.catch(() => undefined);
    return run;
  }

  private async refused(claim: Claim, chatId: number, rendering: Extract<Rendering, { kind: "send" }>, error: GrammyError): Promise<DeliveryResult | "next-part"> {
    const description = error.description;
    if (error.error_code === 429) {
      const ms = (error.parameters.retry_after ?? 5) * 1000;
      await this.deps.budget.pause(chatId, ms);
      return claim.later(ms);
    }
    if (error.error_code === 400 && description.includes("message is not modified")) {
      // Already showing this: only the bookkeeping was behind.
      return claim.sent(rendering, rendering.message.method === "editMessageText" ? rendering.message.messageId : 0);
    }
    const migratedTo = error.parameters.migrate_to_chat_id;
    if (error.error_code === 400 && migratedTo !== undefined) {
      await migrateChat(this.deps.outbox, chatId, migratedTo, this.deps.clock());
      this.deps.logger.info({ from: chatId, to: migratedTo }, "group upgraded to a supergroup: following it");
      // Delivered again at once, under the same claim, to the chat's new id.
      claim.row = { ...claim.row, audience: claim.row.audience.replace(`chat:${chatId}:`, `chat:${migratedTo}:`) };
      return "next-part";
    }
    if (error.error_code === 403 || isGone(description)) {
      // The person blocked the bot (the API transformer marked them), the bot left the chat, or the message is gone.
      if (rendering.recordGone) await this.deps.prisma.$transaction((tx) => rendering.recordGone!(tx));
      if (error.error_code === 403) await this.unreachable(claim.row, claim.now);
      return claim.finish("skipped", error.error_code === 403 ? "unreachable" : "gone");
    }
    if (error.error_code === 400 && rendering.message.method === "pinChatMessage") {
      // Pinning needs rights the bot may not have (and the /invite answer says how to give them): the card works unpinned.
      return claim.finish("sent", `not pinned: ${description.slice(0, 200)}`);
    }
    if (error.error_code === 400 && rendering.message.method === "unpinChatMessage") {
      // No rights (any more), or someone unpinned it already: the cancelled card says what it must.
      return claim.finish("sent", `not unpinned: ${description.slice(0, 200)}`);
    }
    // 401 and 404 say the token is wrong, not the message: tried again, as a network error would be.
    if (error.error_code === 400) {
      this.deps.logger.warn({ telegram: description }, "Telegram refused an outbox message for good");
      return claim.failed(description);
    }
    return claim.transientFailure(error);
  }
}

const GONE = ["message to edit not found", "message can't be edited", "chat not found", "message thread not found", "MESSAGE_ID_INVALID"];
const isGone = (description: string) => GONE.some((phrase) => description.includes(phrase));

type DbRow = Omit<OutboxRow, "payload"> & { payload: unknown; meetingNumber: number | null };

/** One claimed row: every outcome is written only while the claim is still this one. */
class Claim {
  /** When the row was claimed, renewed with each part: a long message never outlives its claim. */
  private claimedAt: Date;

  constructor(
    private readonly deps: DeliveryDeps,
    public row: OutboxRow,
    readonly now: Date,
  ) {
    this.claimedAt = now;
  }

  private get mine() {
    return { id: this.row.id, status: "sending" as const, claimedAt: this.claimedAt };
  }

  async finish(status: "sent" | "skipped" | "failed", reason?: string): Promise<DeliveryResult> {
    await this.deps.prisma.outboxMessage.updateMany({ where: this.mine, data: { status, reason: reason ?? null, ...(status === "sent" ? { sentAt: this.deps.clock() } : {}) } });
    return status;
  }

  /** Sent; with a next part the row stays claimed (the claim renewed) with that part's payload and is delivered again at once. */
  async sent(rendering: Extract<Rendering, { kind: "send" }>, messageId: number): Promise<DeliveryResult | "next-part"> {
    const next = rendering.next;
    const renewed = this.deps.clock();
    const { count } = await this.deps.prisma.$transaction(async (tx) => {
      const updated = await tx.outboxMessage.updateMany({
        where: this.mine,
        data: next ? { payload: next, attempts: 0, claimedAt: renewed } : { status: "sent", sentAt: renewed, reason: null },
      });
      // Even if the row was re-armed meanwhile: the message went out and is remembered.
      await rendering.recordSent?.(tx, { messageId });
      return updated;
    });
    if (!next || count === 0) return "sent";
    this.claimedAt = renewed;
    this.row = { ...this.row, payload: next, attempts: 0 };
    return "next-part";
  }

  /** Not now (budget, 429): back in line without using an attempt. */
  later(ms: number): Promise<DeliveryResult> {
    return this.backInLine(ms, {});
  }

  async transientFailure(error: unknown): Promise<DeliveryResult> {
    const attempts = this.row.attempts + 1;
    const reason = error instanceof GrammyError ? error.description : error instanceof HttpError ? "network error" : error instanceof Error ? error.message : "error";
    const exhausted = attempts >= MAX_ATTEMPTS;
    this.deps.logger.warn({ err: error, attempts, willRetry: !exhausted }, "outbox message not delivered");
    if (exhausted) return this.failed(reason, attempts);
    return this.backInLine(backoffMs(attempts), { attempts });
  }

  /** Scheduled again after `ms`, with a job of its own for that time. */
  private async backInLine(ms: number, data: { attempts?: number }): Promise<DeliveryResult> {
    const notBefore = new Date(this.deps.clock().getTime() + Math.max(1, ms));
    const { count } = await this.deps.prisma.outboxMessage.updateMany({ where: this.mine, data: { status: "scheduled", notBefore, claimedAt: null, ...data } });
    if (count === 1) this.deps.outbox.handOver([{ id: this.row.id, notBefore, kind: this.row.kind }]);
    return "later";
  }

  /**
   * Failed for good. In the same transaction, and only if the claim was still this one, the
   * organisers are told: once per meeting and kind (the notice's key says so).
   */
  async failed(reason: string, attempts?: number): Promise<DeliveryResult> {
    const { row } = this;
    const tell = rulesOf(row.kind)?.quietOnFailure !== true && row.networkId !== null;
    await this.deps.outbox.transaction(async (out) => {
      const { count } = await out.tx.outboxMessage.updateMany({ where: this.mine, data: { status: "failed", reason: reason.slice(0, 300), ...(attempts ? { attempts } : {}) } });
      if (count === 0 || !tell) return;
      await out.write(
        (await currentOrganiserIds(out.tx, row.networkId!)).map((organiserId) => ({
          dedupeKey: `delivery-failed:${row.meetingId ?? "network"}:${row.kind}:${organiserId}`,
          kind: "delivery-failed" as const,
          networkId: row.networkId,
          meetingId: row.meetingId,
          audience: memberAudience(organiserId),
          payload: { failedKind: row.kind } satisfies Payload,
        })),
      );
    });
    return "failed";
  }
}
