import { localeOr, negotiateLocale, type Translator } from "../bot/i18n.ts";
import type { PrismaClient } from "../db/client.ts";
import type { Audience } from "../domain/reminders.ts";
import type { Recipient } from "./types.ts";

export type { Audience };

/** The audience column: `member:<id>` or `chat:<telegram chat id>:<topic id>`. */
export function audienceKey(audience: Audience): string {
  return audience.kind === "member" ? `member:${audience.memberId}` : `chat:${audience.chatId}:${audience.topicId}`;
}

export const memberAudience = (memberId: number): string => audienceKey({ kind: "member", memberId });
export const chatAudience = (chat: { telegramChatId: bigint; topicId: number }): string => audienceKey({ kind: "chat", chatId: chat.telegramChatId, topicId: chat.topicId });

export function readAudience(key: string): Audience | undefined {
  const member = /^member:(\d+)$/.exec(key);
  if (member) return { kind: "member", memberId: Number(member[1]) };
  const chat = /^chat:(-?\d+):(\d+)$/.exec(key);
  if (chat) return { kind: "chat", chatId: BigInt(chat[1]!), topicId: Number(chat[2]) };
  return undefined;
}

export type Resolved = { kind: "to"; recipient: Recipient } | { kind: "skip"; reason: string };

/**
 * Who a row goes to now: a member of the network who has not left and can be written to
 * privately, or a chat still linked to the network. Anyone else gets nothing.
 */
export async function resolveAudience(prisma: PrismaClient, translator: Translator, networkId: number | null, key: string): Promise<Resolved> {
  const audience = readAudience(key);
  if (!audience) return { kind: "skip", reason: `unknown audience ${key}` };
  if (audience.kind === "chat") {
    const chat = await prisma.chat.findUnique({ where: { telegramChatId_topicId: { telegramChatId: audience.chatId, topicId: audience.topicId } }, include: { network: true } });
    if (!chat || (networkId !== null && chat.networkId !== networkId)) return { kind: "skip", reason: "chat no longer linked" };
    return { kind: "to", recipient: { kind: "chat", chatId: Number(audience.chatId), topicId: audience.topicId, reader: translator.reader(localeOr(chat.network.locale)) } };
  }
  const member = await prisma.member.findUnique({ where: { id: audience.memberId }, include: { user: true } });
  if (!member || member.leftAt || (networkId !== null && member.networkId !== networkId)) return { kind: "skip", reason: "no longer a member" };
  if (!member.user.dmReachable) return { kind: "skip", reason: "unreachable" };
  return {
    kind: "to",
    recipient: {
      kind: "member",
      memberId: member.id,
      userId: member.userId,
      chatId: Number(member.userId),
      topicId: 0,
      reader: translator.reader(negotiateLocale(member.user.locale, member.user.languageCode ?? undefined)),
      role: member.role,
      organisationId: member.organisationId,
    },
  };
}
