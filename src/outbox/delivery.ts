import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import type { Translator } from "../bot/i18n.ts";
import type { PrismaClient } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { DeliverPayload, OutboxTransport } from "../../jobs/outbox.ts";
import { resolveAudience } from "./audience.ts";
import { migrateChat } from "./chat-migration.ts";
import { OUTBOX_KINDS, rulesOf, type KindRules, type OutboxKind } from "./kinds.ts";
import type { Outbox } from "./outbox.ts";
import type { SendBudget } from "./budget.ts";
import type { OutboxRow, Payload, Rendering, Renderer, SilentRenderer } from "./types.ts";

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
}

export type DeliveryResult = "sent" | "skipped" | "failed" | "later" | "not-mine";

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
  constructor(private readonly deps: DeliveryDeps) {}

  async deliver(job: DeliverPayload): Promise<DeliveryResult> {
    const { prisma, clock } = this.deps;
    const now = clock();
    const claimed = await prisma.$queryRaw<DbRow[]>`
      UPDATE "OutboxMessage" SET status = 'sending', "claimedAt" = ${now}
      WHERE id = ${job.id} AND "notBefore" = ${new Date(job.notBefore)}
        AND (status = 'scheduled' OR (status = 'sending' AND "claimedAt" < ${new Date(now.getTime() - this.deps.claimMs)}))
      RETURNING id, "dedupeKey", kind, "networkId", "meetingId", audience, "offsetMinutes", payload, "notBefore", attempts`;
    const row = claimed[0];
    if (!row) return "not-mine";
    const claim = new Claim(this.deps, row as OutboxRow, now);
    try {
      // A message of several parts (or one whose chat moved) goes on under the same claim while the budget allows.
      for (;;) {
        const result = await this.handle(claim);
        if (result !== "next-part") return result;
      }
    } catch (error) {
      return claim.transientFailure(error);
    }
  }

  private async handle(claim: Claim): Promise<DeliveryResult | "next-part"> {
    const { row, now } = claim;
    const rules = rulesOf(row.kind);
    if (!rules) return claim.finish("failed", `unknown kind ${row.kind}`);
    if (rules.staleAfterMs !== undefined && now.getTime() - row.notBefore.getTime() > rules.staleAfterMs) {
      this.deps.logger.warn({ outboxId: row.id, kind: row.kind, notBefore: row.notBefore.toISOString() }, "outbox message skipped: missed by more than its grace period");
      return claim.finish("skipped", "missed while the bot was down");
    }
    const renderer = this.deps.renderers[row.kind as OutboxKind];
    let rendering: Rendering;
    if (rules.silent) {
      rendering = await (renderer as SilentRenderer)({ row, now });
    } else {
      const resolved = await resolveAudience(this.deps.prisma, this.deps.translator, row.networkId, row.audience);
      if (resolved.kind === "skip") return claim.finish("skipped", resolved.reason);
      rendering = await (renderer as Renderer)({ row, to: resolved.recipient, now });
      if (rendering.kind === "send") return this.send(claim, rules, resolved.recipient.chatId, resolved.recipient.topicId, rendering);
    }
    if (rendering.kind === "skip") return claim.finish("skipped", rendering.reason);
    if (rendering.kind === "done") return claim.finish("sent");
    return claim.finish("failed", "a silent kind rendered a message");
  }

  private async send(claim: Claim, rules: KindRules, chatId: number, topicId: number, rendering: Extract<Rendering, { kind: "send" }>): Promise<DeliveryResult | "next-part"> {
    const wait = await this.deps.budget.take(chatId);
    if (wait > 0) return claim.later(wait);
    const { api } = this.deps;
    const message = rendering.message;
    const where = topicId ? { message_thread_id: topicId } : {};
    let messageId: number;
    try {
      if (message.method === "sendMessage") {
        const sent = await api.sendMessage(chatId, message.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(message.keyboard ? { reply_markup: message.keyboard } : {}), ...where });
        messageId = sent.message_id;
        // Pinning needs admin rights the bot may not have; the message works unpinned too.
        if (message.pin) await api.pinChatMessage(chatId, messageId, { disable_notification: true }).catch(() => undefined);
      } else if (message.method === "editMessageText") {
        messageId = message.messageId;
        await api.editMessageText(chatId, message.messageId, message.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(message.keyboard ? { reply_markup: message.keyboard } : {}) });
      } else {
        const sent = await api.sendDocument(chatId, new InputFile(message.bytes, message.fileName), { ...(message.caption ? { caption: message.caption } : {}), ...where });
        messageId = sent.message_id;
      }
    } catch (error) {
      if (!(error instanceof GrammyError)) return claim.transientFailure(error);
      return this.refused(claim, rules, chatId, rendering, error);
    }
    return claim.sent(rendering, messageId);
  }

  private async refused(claim: Claim, rules: KindRules, chatId: number, rendering: Extract<Rendering, { kind: "send" }>, error: GrammyError): Promise<DeliveryResult | "next-part"> {
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
      await migrateChat(this.deps.prisma, chatId, migratedTo);
      this.deps.logger.info({ from: chatId, to: migratedTo }, "group upgraded to a supergroup: following it");
      // Delivered again at once, under the same claim, to the chat's new id.
      claim.row = { ...claim.row, audience: claim.row.audience.replace(`chat:${chatId}:`, `chat:${migratedTo}:`) };
      return "next-part";
    }
    if (error.error_code === 403 || isGone(description)) {
      // The person blocked the bot (the API transformer marked them), the bot left the chat, or the message is gone.
      if (rendering.recordGone) await this.deps.prisma.$transaction((tx) => rendering.recordGone!(tx));
      return claim.finish("skipped", error.error_code === 403 ? "unreachable" : "gone");
    }
    if (error.error_code === 400 || error.error_code === 401 || error.error_code === 404) {
      this.deps.logger.warn({ outboxId: claim.row.id, kind: claim.row.kind, telegram: description }, "Telegram refused an outbox message for good");
      return claim.failed(rules, description);
    }
    return claim.transientFailure(error);
  }
}

const GONE = ["message to edit not found", "message can't be edited", "chat not found", "message thread not found", "MESSAGE_ID_INVALID"];
const isGone = (description: string) => GONE.some((phrase) => description.includes(phrase));

type DbRow = Omit<OutboxRow, "payload"> & { payload: unknown };

/** One claimed row: every outcome is written only while the claim is still this one. */
class Claim {
  constructor(
    private readonly deps: DeliveryDeps,
    public row: OutboxRow,
    readonly now: Date,
  ) {}

  private get mine() {
    return { id: this.row.id, status: "sending" as const, claimedAt: this.now };
  }

  async finish(status: "sent" | "skipped" | "failed", reason?: string): Promise<DeliveryResult> {
    await this.deps.prisma.outboxMessage.updateMany({ where: this.mine, data: { status, reason: reason ?? null, ...(status === "sent" ? { sentAt: this.deps.clock() } : {}) } });
    return status;
  }

  /** Sent; with a next part the row stays claimed with that part's payload and is delivered again at once. */
  async sent(rendering: Extract<Rendering, { kind: "send" }>, messageId: number): Promise<DeliveryResult | "next-part"> {
    const next = rendering.next;
    const { count } = await this.deps.prisma.$transaction(async (tx) => {
      const updated = await tx.outboxMessage.updateMany({
        where: this.mine,
        data: next ? { payload: next, attempts: 0 } : { status: "sent", sentAt: this.deps.clock(), reason: null },
      });
      // Even if the row was re-armed meanwhile: the message went out and is remembered.
      await rendering.recordSent?.(tx, { messageId });
      return updated;
    });
    if (!next || count === 0) return "sent";
    this.row = { ...this.row, payload: next, attempts: 0 };
    return "next-part";
  }

  /** Not now (budget, 429): back in line without using an attempt. */
  async later(ms: number): Promise<DeliveryResult> {
    const notBefore = new Date(this.deps.clock().getTime() + Math.max(1, ms));
    const { count } = await this.deps.prisma.outboxMessage.updateMany({ where: this.mine, data: { status: "scheduled", notBefore, claimedAt: null } });
    if (count === 1) await this.deps.transport.carry([{ id: this.row.id, notBefore }]).catch(() => undefined);
    return "later";
  }

  async transientFailure(error: unknown): Promise<DeliveryResult> {
    const attempts = this.row.attempts + 1;
    const rules = rulesOf(this.row.kind);
    const reason = error instanceof GrammyError ? error.description : error instanceof HttpError ? "network error" : error instanceof Error ? error.message : "error";
    const exhausted = !rules || attempts >= rules.attempts;
    this.deps.logger.warn({ err: error, outboxId: this.row.id, kind: this.row.kind, attempts, willRetry: !exhausted }, "outbox message not delivered");
    if (exhausted) {
      await this.deps.prisma.outboxMessage.updateMany({ where: this.mine, data: { attempts } });
      return this.failed(rules, reason);
    }
    const notBefore = new Date(this.deps.clock().getTime() + backoffMs(attempts));
    const { count } = await this.deps.prisma.outboxMessage.updateMany({ where: this.mine, data: { status: "scheduled", notBefore, claimedAt: null, attempts } });
    if (count === 1) await this.deps.transport.carry([{ id: this.row.id, notBefore }]).catch(() => undefined);
    return "later";
  }

  /** Failed for good; the organisers hear of it once per meeting and kind. */
  async failed(rules: KindRules | undefined, reason: string): Promise<DeliveryResult> {
    await this.finish("failed", reason.slice(0, 300));
    if (rules?.tellOrganisers && this.row.networkId !== null) {
      const { row } = this;
      await this.deps.outbox.transaction(async (out) => {
        const organisers = await out.tx.member.findMany({ where: { networkId: row.networkId!, role: "organiser", leftAt: null }, select: { id: true } });
        await out.write(
          organisers.map((organiser) => ({
            dedupeKey: `delivery-failed:${row.meetingId ?? "network"}:${row.kind}:${organiser.id}`,
            kind: "delivery-failed" as const,
            networkId: row.networkId,
            meetingId: row.meetingId,
            audience: `member:${organiser.id}`,
            payload: { failedKind: row.kind } satisfies Payload,
          })),
        );
      });
    }
    return "failed";
  }
}
