import type { InlineKeyboardMarkup } from "grammy/types";
import type { Reader } from "../bot/i18n.ts";
import type { Prisma } from "../db/client.ts";
import type { OutboxKind } from "./kinds.ts";
import type { OutboxWriter } from "./outbox.ts";

export type Tx = Prisma.TransactionClient;
export type Payload = Record<string, string | number | boolean | null>;

/** A row as the delivery reads it. */
export interface OutboxRow {
  id: number;
  dedupeKey: string;
  kind: string;
  networkId: number | null;
  meetingId: number | null;
  audience: string;
  offsetMinutes: number;
  payload: Payload;
  notBefore: Date;
  attempts: number;
}

/** What a feature asks to send: a row of the outbox, written in the transaction of its change. */
export interface OutboxEntry {
  /** Names the message once, e.g. `invite:<meeting>:<member>`. */
  dedupeKey: string;
  kind: OutboxKind;
  networkId: number | null;
  meetingId?: number | null;
  /** `member:<id>` or `chat:<telegram chat id>:<topic id>` (see audience.ts). */
  audience: string;
  offsetMinutes?: number;
  payload?: Payload;
  /** Now when left out. */
  notBefore?: Date;
}

/** Where the message goes, resolved when it is sent. */
export type Recipient =
  | { kind: "member"; memberId: number; userId: bigint; chatId: number; topicId: 0; reader: Reader; role: "organiser" | "member"; organisationId: number | null }
  | { kind: "chat"; chatId: number; topicId: number; reader: Reader };

/**
 * `protect`: Telegram's protect_content, for a private message that carries a confidential
 * venue: it cannot be forwarded or saved.
 */
export type Outgoing =
  | { method: "sendMessage"; text: string; keyboard?: InlineKeyboardMarkup; protect?: boolean }
  /** Pins a message sent before (a card's second part); where the bot may not pin, the row ends sent, with the reason. */
  | { method: "pinChatMessage"; messageId: number }
  /** Unpins a card that no longer invites anyone (its meeting was cancelled); where the bot may not, the row ends sent, with the reason. */
  | { method: "unpinChatMessage"; messageId: number }
  | { method: "editMessageText"; messageId: number; text: string; keyboard?: InlineKeyboardMarkup }
  | { method: "sendDocument"; bytes: Buffer; fileName: string; caption?: string; protect?: boolean };

export type Rendering =
  | { kind: "skip"; reason: string }
  /** Silent work finished (rows written, a turn expired). */
  | { kind: "done" }
  | {
      kind: "send";
      message: Outgoing;
      /** After Telegram accepted it, in the transaction that marks the row sent. */
      recordSent?: (tx: Tx, sent: { messageId: number }) => Promise<void>;
      /** Another part follows: the row stays scheduled with this payload (minutes copies). */
      next?: Payload;
      /** Telegram refused it for good (message deleted, chat gone): what to remember. */
      recordGone?: (tx: Tx) => Promise<void>;
    };

export interface RenderContext {
  row: OutboxRow;
  /** Resolved from the audience (silent kinds get no recipient: see SilentRenderer). */
  to: Recipient;
  now: Date;
}

/** Renders one kind from the database at send time. */
export type Renderer = (context: RenderContext) => Promise<Rendering>;
/** Silent kinds have no recipient. */
export type SilentRenderer = (context: Omit<RenderContext, "to">) => Promise<Rendering>;

/**
 * What a kind records when its member cannot be reached privately (blocked the bot, never
 * started it): the row is skipped either way; this runs in a transaction with an outbox writer.
 */
export type UnreachableHandler = (out: OutboxWriter, row: OutboxRow, memberId: number, now: Date) => Promise<void>;
