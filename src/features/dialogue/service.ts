import type { Prisma, PrismaClient } from "../../db/client.ts";

export interface Dialogue<Data> {
  kind: string;
  step: string;
  data: Data;
  /** The message that asked the question, once sent: a reply to another message is not an answer to it. */
  questionId?: number;
}

/** How long an unanswered question stays open; after that the conversation is forgotten. */
export const DIALOGUE_LIFETIME_MS = 24 * 3_600_000;

/**
 * Guided conversations in progress, one per person per chat, kept in the database so that a
 * restart in the middle of one resumes it at the same question.
 */
export class DialogueService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async find<Data>(chatId: number, userId: number): Promise<Dialogue<Data> | undefined> {
    const row = await this.prisma.dialogue.findUnique({ where: { telegramChatId_userId: { telegramChatId: BigInt(chatId), userId: BigInt(userId) } } });
    if (!row) return undefined;
    if (this.clock().getTime() - row.updatedAt.getTime() > DIALOGUE_LIFETIME_MS) {
      await this.clear(chatId, userId);
      return undefined;
    }
    return { kind: row.kind, step: row.step, data: row.data as Data, ...(row.questionMessageId !== null ? { questionId: row.questionMessageId } : {}) };
  }

  async save<Data extends Prisma.InputJsonObject>(chatId: number, userId: number, dialogue: Dialogue<Data>): Promise<void> {
    const key = { telegramChatId: BigInt(chatId), userId: BigInt(userId) };
    const fields = { kind: dialogue.kind, step: dialogue.step, data: dialogue.data, questionMessageId: dialogue.questionId ?? null, updatedAt: this.clock() };
    await this.prisma.dialogue.upsert({ where: { telegramChatId_userId: key }, create: { ...key, ...fields }, update: fields });
  }

  /**
   * Sends the question, then keeps the conversation waiting for its answer: the message that
   * asked is noted, since a reply to any other message is not an answer to it. Nothing is kept
   * when the question could not be sent.
   */
  async ask<Data extends Prisma.InputJsonObject, Sent extends { message_id: number }>(chatId: number, userId: number, dialogue: Omit<Dialogue<Data>, "questionId">, send: () => Promise<Sent>): Promise<Sent> {
    const question = await send();
    await this.save(chatId, userId, { ...dialogue, questionId: question.message_id });
    return question;
  }

  /** True if there was one. */
  async clear(chatId: number, userId: number): Promise<boolean> {
    const { count } = await this.prisma.dialogue.deleteMany({ where: { telegramChatId: BigInt(chatId), userId: BigInt(userId) } });
    return count > 0;
  }
}
