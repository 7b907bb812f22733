import { isInChat, isInChatNow } from "../../bot/chat-member.ts";
import type { BotContext } from "../../bot/context.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { MembershipService, PresenceCheck } from "./service.ts";

/**
 * Leaving and coming back. Telegram tells the bot with a "left the group" service message
 * (even in privacy mode) and, where the bot is an administrator, a chat_member update; either
 * is enough, and handling both is harmless. The organisers are told by the service, through
 * the outbox.
 */
export function membershipFeature(deps: { membership: MembershipService }): Feature {
  const composer = new FeatureComposer();

  const left = async (ctx: BotContext, userId: number, actorId: number) => {
    const stillIn: PresenceCheck = (chatId) => isInChatNow(ctx.api, Number(chatId), userId);
    await deps.membership.departed(BigInt(ctx.chat!.id), BigInt(userId), BigInt(actorId), stillIn);
  };

  composer.on("message:left_chat_member", async (ctx) => {
    const person = ctx.message.left_chat_member;
    if (person.is_bot) return;
    await left(ctx, person.id, ctx.from.id);
  });

  composer.on("message:new_chat_members", async (ctx) => {
    for (const person of ctx.message.new_chat_members) if (!person.is_bot) await deps.membership.returned(BigInt(ctx.chat.id), BigInt(person.id));
  });

  composer.on("chat_member", async (ctx) => {
    const { old_chat_member: before, new_chat_member: after, from } = ctx.chatMember;
    if (after.user.is_bot) return;
    if (isInChat(before) && !isInChat(after)) await left(ctx, after.user.id, from.id);
    else if (!isInChat(before) && isInChat(after)) await deps.membership.returned(BigInt(ctx.chat.id), BigInt(after.user.id));
  });

  return { composer, commands: [] };
}
