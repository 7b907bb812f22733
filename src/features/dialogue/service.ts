import type { Prisma, PrismaClient } from "../../db/client.ts";

export interface Dialogue<Data> {
  kind: string;
  step: string;
  data: Data;
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
    return { kind: row.kind, step: row.step, data: row.data as Data };
  }

  async save<Data extends Prisma.InputJsonObject>(chatId: number, userId: number, dialogue: Dialogue<Data>): Promise<void> {
    const key = { telegramChatId: BigInt(chatId), userId: BigInt(userId) };
    const fields = { kind: dialogue.kind, step: dialogue.step, data: dialogue.data, updatedAt: this.clock() };
    await this.prisma.dialogue.upsert({ where: { telegramChatId_userId: key }, create: { ...key, ...fields }, update: fields });
  }

  /** True if there was one. */
  async clear(chatId: number, userId: number): Promise<boolean> {
    const { count } = await this.prisma.dialogue.deleteMany({ where: { telegramChatId: BigInt(chatId), userId: BigInt(userId) } });
    return count > 0;
  }
}
