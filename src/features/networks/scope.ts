import type { MiddlewareFn } from "grammy";
import { isInChatNow, isMembershipNotice } from "../../bot/chat-member.ts";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { replyHtml } from "../../bot/reply.ts";
import { askWhichNetwork } from "../network-choice/view.ts";
import type { ChatPlace, NetworkService, Scope, ScopeResolution } from "./service.ts";

export function placeOf(ctx: BotContext): ChatPlace {
  const msg = ctx.msg;
  return {
    chatId: ctx.chat!.id,
    topicId: msg?.is_topic_message && msg.message_thread_id ? msg.message_thread_id : 0,
    title: ctx.chat && "title" in ctx.chat ? ctx.chat.title : undefined,
  };
}

/**
 * Someone wrote something in the chat. That makes a person a member of the chat's network, or a
 * member again; a service message such as "X left the group" does not, and a button press only
 * when its handler says the press counts (`ctx.takePart()`).
 */
function tookPart(ctx: BotContext): boolean {
  const message = ctx.message ?? ctx.editedMessage;
  return message !== undefined && (message.text !== undefined || message.caption !== undefined || message.document !== undefined);
}

/**
 * Finds the network of the chat (or, in private, of the person). Messages resolve it at once,
 * which also makes anyone writing in a linked group a member; button presses resolve it only
 * if their handler asks, so a press costs no query it does not need.
 */
export function scopeMiddleware(networks: NetworkService, clock: () => Date): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from && !ctx.from.is_bot ? BigInt(ctx.from.id) : undefined;
    let found: Promise<ScopeResolution> | undefined;
    const resolve = async (): Promise<ScopeResolution> => {
      if (!ctx.chat || userId === undefined && ctx.chat.type === "private") return { kind: "none" };
      if (ctx.chat.type === "private") return networks.resolvePrivate(userId!, clock());
      const scope = await networks.scopeOfChat(placeOf(ctx), userId, tookPart(ctx));
      return scope ? { kind: "one", scope } : { kind: "none" };
    };
    ctx.scopeResolution = () => (found ??= resolve());
    ctx.scope = async () => {
      const resolution = await ctx.scopeResolution();
      return resolution.kind === "one" ? resolution.scope : undefined;
    };
    ctx.takePart = async () => {
      if (!ctx.chat || ctx.chat.type === "private" || userId === undefined) return undefined;
      const known = await ctx.scope();
      if (!known || known.membership) return known;
      // Anyone who can see a public group's card can press it; only people in the group take part.
      if (!(await isInChatNow(ctx.api, ctx.chat.id, Number(userId)))) return known;
      const scope = await networks.scopeOfChat(placeOf(ctx), userId, true);
      found = Promise.resolve(scope ? { kind: "one", scope } : { kind: "none" });
      return scope;
    };
    // Join and leave notices are handled without a scope: looking it up for them is wasted.
    if (!ctx.callbackQuery && !isMembershipNotice(ctx)) await ctx.scopeResolution();
    await next();
  };
}

/**
 * The scope, or undefined after telling the person why not: this chat is not linked, they
 * belong to no network, they have left theirs, or (in private) they belong to several and
 * must say which.
 */
export async function requireNetwork(ctx: BotContext): Promise<Scope | undefined> {
  const resolution = await ctx.scopeResolution();
  switch (resolution.kind) {
    case "one":
      return resolution.scope;
    case "none":
    case "left":
      await tellWhyNoNetwork(ctx, resolution);
      return undefined;
    case "several":
      await askWhichNetwork(ctx, resolution.networks);
      return undefined;
  }
}

/** Why this person has no network here: the chat is not linked, they belong to none, or they left theirs. */
export async function tellWhyNoNetwork(ctx: BotContext, resolution: Extract<ScopeResolution, { kind: "none" | "left" }>): Promise<void> {
  if (resolution.kind === "none") return void (await ctx.reply(ctx.t(ctx.chat?.type === "private" ? "not-member-anywhere" : "not-linked")));
  await replyHtml(ctx, ctx.t("membership-ended", { networks: escapeHtml(resolution.networks.join(", ")), count: resolution.networks.length }));
}

/** The scope of an organiser, or undefined after saying only organisers may do this. */
export async function requireOrganiser(ctx: BotContext): Promise<Scope | undefined> {
  const scope = await requireNetwork(ctx);
  if (!scope) return undefined;
  if (scope.membership?.role === "organiser") return scope;
  await ctx.reply(ctx.t("organisers-only"));
  return undefined;
}
