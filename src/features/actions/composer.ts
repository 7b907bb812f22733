import { DateTime } from "luxon";
import type { BotContext } from "../../bot/context.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { Scope } from "../networks/service.ts";
import { requireNetwork } from "../networks/scope.ts";
import type { ActionService } from "./service.ts";
import type { NameWithholder } from "../members/name-withholder.ts";
import { actionListLines, doneData, shownActionText } from "./view.ts";
import type { NetworkService } from "../networks/service.ts";
import { toastText } from "../../bot/reply.ts";

/** Done buttons under /actions, at most this many. */
const LIST_BUTTONS = 8;

export interface ActionsFeatureDeps {
  actions: ActionService;
  networks: NetworkService;
  /** Item texts reach a group, or a member who does not own them, with members' names withheld. */
  withholder: NameWithholder;
}

/** /actions lists open items, /done and the Done button close one (the service tells the organisers). */
export function actionsFeature(deps: ActionsFeatureDeps): Feature {
  const composer = new FeatureComposer();
  const { actions } = deps;

  const actorOf = (ctx: BotContext, scope: Scope) => ({
    memberId: scope.membership?.id ?? -1,
    username: ctx.from?.username ?? null,
    organisationId: scope.membership?.organisationId ?? null,
    organiser: scope.membership?.role === "organiser",
    userId: BigInt(ctx.from!.id),
  });

  const complete = async (ctx: BotContext, scope: Scope, entryId: number): Promise<string> => {
    const result = await actions.complete(scope.network.id, entryId, actorOf(ctx, scope));
    if (result.kind === "done" || result.kind === "already") {
      // A button's answer is a toast only the presser sees; a command's answer is read by the chat.
      const show = (await deps.withholder.forNetwork(scope.network.id)).in(ctx.callbackQuery ? { type: "private" } : ctx.chat, BigInt(ctx.from!.id));
      return ctx.t(`action-${result.kind}`, { id: String(entryId), item: shownActionText(ctx, result.item, ctx.chat?.type === "private", show) });
    }
    return ctx.t(`action-${result.kind}`, { id: String(entryId) });
  };

  composer.command("actions", async (ctx) => {
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const arg = ctx.match.trim().toLocaleLowerCase("tr-TR");
    if (arg !== "" && arg !== "mine" && arg !== "benim") return void (await ctx.reply(ctx.t("actions-usage")));
    const actor = actorOf(ctx, scope);
    // Organisers see every open item unless they ask for their own.
    const all = actor.organiser && arg === "";
    const items = await actions.open(scope.network.id, all ? {} : { owner: actor });
    const today = DateTime.fromJSDate(actions.now(), { zone: scope.network.timeZone }).toISODate()!;
    const show = (await deps.withholder.forNetwork(scope.network.id)).in(ctx.chat, BigInt(ctx.from!.id));
    const messages = splitIntoMessages(actionListLines(ctx, items, today, all, ctx.chat?.type === "private", show));
    const buttons = items.slice(0, LIST_BUTTONS).map((item) => [{ text: ctx.t("action-done-button-id", { id: String(item.id) }), callback_data: doneData(item.id) }]);
    for (const [i, text] of messages.entries()) {
      const last = i === messages.length - 1;
      await ctx.reply(text, { parse_mode: "HTML", ...(last && buttons.length > 0 ? { reply_markup: { inline_keyboard: buttons } } : {}) });
    }
  });

  composer.command("done", async (ctx) => {
    const arg = ctx.match.trim().replace(/^#/, "");
    if (!/^\d{1,9}$/.test(arg)) return void (await ctx.reply(ctx.t("done-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    await ctx.reply(await complete(ctx, scope, Number(arg)));
  });

  composer.callbackQuery(/^done:(\d{1,9})$/, async (ctx) => {
    const item = await actions.find(Number(ctx.match[1]));
    // The button may sit in a reminder DM, which has no network of its own: the item says which one.
    const network = item ? await scopeForItem(ctx, item.networkId) : undefined;
    if (!network) return void (await ctx.answerCallbackQuery({ text: ctx.t("action-unknown", { id: ctx.match[1]! }), show_alert: true }));
    await ctx.answerCallbackQuery({ text: toastText(await complete(ctx, network, Number(ctx.match[1]))), show_alert: true });
  });

  const scopeForItem = (ctx: BotContext, networkId: number): Promise<Scope | undefined> => deps.networks.memberScope(networkId, BigInt(ctx.from!.id));

  return {
    composer,
    commands: [
      { command: "actions", description: "cmd-actions", chats: ["private", "group"], organiserOnly: false },
      { command: "done", description: "cmd-done", chats: ["private", "group"], organiserOnly: false },
    ],
  };
}
