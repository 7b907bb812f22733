import type { Outbox } from "./outbox.ts";

/**
 * A group upgraded to a supergroup has a new id: its links follow it, and so does everything
 * still to be sent there. Cards posted in the old group stay there, read-only, and are no longer
 * edited; each card of a meeting still ahead, and each card of a date poll still open, is posted
 * again in the supergroup (its edit row, pointed at the new chat, posts it there once).
 */
export async function migrateChat(outbox: Outbox, from: number, to: number, now: Date): Promise<void> {
  await outbox.transaction(async (out) => {
    const { tx } = out;
    const taken = await tx.chat.findMany({ where: { telegramChatId: BigInt(to) }, select: { topicId: true } });
    const takenTopics = new Set(taken.map((c) => c.topicId));
    for (const chat of await tx.chat.findMany({ where: { telegramChatId: BigInt(from) } })) {
      if (takenTopics.has(chat.topicId)) await tx.chat.delete({ where: { id: chat.id } });
      else await tx.chat.update({ where: { id: chat.id }, data: { telegramChatId: BigInt(to) } });
    }
    const left = await tx.postedCard.updateManyAndReturn({
      where: { telegramChatId: BigInt(from), deadAt: null },
      data: { deadAt: now },
      select: { id: true, kind: true, topicId: true, meeting: { select: { id: true, networkId: true, status: true, endsAt: true } } },
    });
    const waiting = await tx.outboxMessage.findMany({ where: { status: { in: ["scheduled", "sending"] }, audience: { startsWith: `chat:${from}:` } }, select: { id: true, audience: true } });
    for (const row of waiting) await tx.outboxMessage.update({ where: { id: row.id }, data: { audience: row.audience.replace(`chat:${from}:`, `chat:${to}:`) } });
    for (const card of left) {
      const { meeting } = card;
      if (card.kind !== "group" || meeting.status !== "invited" || meeting.endsAt <= now) continue;
      await out.rearm({ dedupeKey: `card-edit:${card.id}`, kind: "card-edit", networkId: meeting.networkId, meetingId: meeting.id, audience: `chat:${to}:${card.topicId}`, payload: { cardId: card.id } });
    }
    const pollCards = await tx.datePollCard.updateManyAndReturn({
      where: { telegramChatId: BigInt(from), deadAt: null },
      data: { deadAt: now },
      select: { id: true, topicId: true, poll: { select: { id: true, networkId: true, status: true } } },
    });
    for (const card of pollCards) {
      const { poll } = card;
      // A closed or cancelled poll's card is a record of its end: it stays in the old group.
      if (poll.status !== "open") continue;
      // The key is pollCardEditKey's (features/polls/service.ts): the outbox imports no feature.
      await out.rearm({ dedupeKey: `poll-card-edit:${card.id}`, kind: "poll-card-edit", networkId: poll.networkId, audience: `chat:${to}:${card.topicId}`, payload: { pollId: poll.id, cardId: card.id } });
    }
  });
}
