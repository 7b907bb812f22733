import type { PrismaClient } from "../db/client.ts";

/**
 * A group upgraded to a supergroup has a new id: its links follow it, and so does everything
 * still to be sent there. Cards posted in the old group stay there, read-only, and are no
 * longer edited.
 */
export async function migrateChat(prisma: PrismaClient, from: number, to: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const taken = await tx.chat.findMany({ where: { telegramChatId: BigInt(to) }, select: { topicId: true } });
    const takenTopics = new Set(taken.map((c) => c.topicId));
    for (const chat of await tx.chat.findMany({ where: { telegramChatId: BigInt(from) } })) {
      if (takenTopics.has(chat.topicId)) await tx.chat.delete({ where: { id: chat.id } });
      else await tx.chat.update({ where: { id: chat.id }, data: { telegramChatId: BigInt(to) } });
    }
    await tx.postedCard.updateMany({ where: { telegramChatId: BigInt(from), deadAt: null }, data: { deadAt: new Date() } });
    const waiting = await tx.outboxMessage.findMany({ where: { status: { in: ["scheduled", "sending"] }, audience: { startsWith: `chat:${from}:` } }, select: { id: true, audience: true } });
    for (const row of waiting) await tx.outboxMessage.update({ where: { id: row.id }, data: { audience: row.audience.replace(`chat:${from}:`, `chat:${to}:`) } });
  });
}
