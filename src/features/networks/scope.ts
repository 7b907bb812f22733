import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { ChatPlace, NetworkService, Scope } from "./service.ts";

export function placeOf(ctx: BotContext): ChatPlace {
  const msg = ctx.msg;
  return {
    chatId: ctx.chat!.id,
    topicId: msg?.is_topic_message && msg.message_thread_id ? msg.message_thread_id : 0,
    title: ctx.chat && "title" in ctx.chat ? ctx.chat.title : undefined,
  };
}

/**
 * Finds the network of the chat (or, in private, of the person). Messages resolve it at once,
 * which also makes anyone writing in a linked group a member; button presses resolve it only
 * if their handler asks, so a press costs no query it does not need.
 */
export function scopeMiddleware(networks: NetworkService): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from && !ctx.from.is_bot ? BigInt(ctx.from.id) : undefined;
    let found: Promise<Scope | undefined> | undefined;
    const resolve = (): Promise<Scope | undefined> => {
      if (!ctx.chat) return Promise.resolve(undefined);
      if (ctx.chat.type === "private") return userId === undefined ? Promise.resolve(undefined) : networks.scopeOfUser(userId);
      return networks.scopeOfChat(placeOf(ctx), userId);
    };
    ctx.scope = () => (found ??= resolve());
    if (!ctx.callbackQuery) await ctx.scope();
    await next();
  };
}

/** The scope, or undefined after telling the person how to link this chat. */
export async function requireNetwork(ctx: BotContext): Promise<Scope | undefined> {
  const scope = await ctx.scope();
  if (scope) return scope;
  await ctx.reply(ctx.t(ctx.chat?.type === "private" ? "not-member-anywhere" : "not-linked"));
  return undefined;
}

/** The scope of an organiser, or undefined after saying only organisers may do this. */
export async function requireOrganiser(ctx: BotContext): Promise<Scope | undefined> {
  const scope = await requireNetwork(ctx);
  if (!scope) return undefined;
  if (scope.membership?.role === "organiser") return scope;
  await ctx.reply(ctx.t("organisers-only"));
  return undefined;
}
