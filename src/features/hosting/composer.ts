import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { replyHtml, replyHtmlLines, toastText } from "../../bot/reply.ts";
import { normaliseName } from "../../domain/names.ts";
import { checkShortReason } from "../../domain/short-reason.ts";
import { shortenText, splitIntoMessages } from "../../domain/split.ts";
import type { DialogueService } from "../dialogue/service.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import type { HostService } from "./service.ts";
import { historyLines, rotationLines } from "./view.ts";
import { orgNotFoundText } from "../organisations/view.ts";

const ECHOED_NAMES_MAX = 500;

const REASON_DIALOGUE = "host_reason";
/** The longest reason for declining to host. */
const HOST_REASON_MAX = 300;

export interface HostingFeatureDeps {
  hosting: HostService;
  dialogues: DialogueService;
}

/**
 * /rotation, /rotation_set, /hosts, /host; the answer buttons of proposals, swaps and the host
 * checklist. Each answers the person at once; whoever else must hear of it gets the messages the
 * service wrote with the change.
 */
export function hostingFeature(deps: HostingFeatureDeps): Feature {
  const composer = new FeatureComposer();
  const { hosting } = deps;

  composer.command("rotation", async (ctx) => {
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    await replyHtmlLines(ctx, rotationLines(ctx, await hosting.queue(scope.network.id)));
  });

  composer.command("rotation_set", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const names = ctx.match.split(",").map(normaliseName).filter(Boolean);
    if (names.length === 0) return void (await ctx.reply(ctx.t("rotation-set-usage")));
    const result = await hosting.setOrder(scope.network, BigInt(ctx.from!.id), names);
    if (result.kind === "set") return void (await replyHtml(ctx, ctx.t("rotation-set-done", { order: escapeHtml(result.order.map((o) => o.shortName).join(", ")) })));
    // The names are what was typed: a long paste must not push the answer past Telegram's limit.
    await replyHtml(ctx, ctx.t(`rotation-${result.kind}`, { names: escapeHtml(shortenText(result.names.join(", "), ECHOED_NAMES_MAX)) }));
  });

  composer.command("hosts", async (ctx) => {
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    for (const text of splitIntoMessages(historyLines(ctx, scope.network, await hosting.history(scope.network.id)))) await replyHtml(ctx, text);
  });

  composer.command("host", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, number, rest] = /^(\d{1,6})(?:\s+([\s\S]+))?$/.exec(ctx.match.trim()) ?? [];
    if (!number) return void (await ctx.reply(ctx.t("host-usage")));
    if (rest) {
      const result = await hosting.assign(scope.network, BigInt(ctx.from!.id), Number(number), rest);
      switch (result.kind) {
        case "assigned":
          return void (await replyHtml(ctx, ctx.t("host-assigned", { number, org: escapeHtml(result.organisation.name) })));
        case "skipped": {
          await replyHtml(ctx, ctx.t("host-skipped", { org: escapeHtml(result.organisation.name) }));
          if (result.next.kind === "nobody") await ctx.reply(ctx.t("host-nobody", { number }));
          if (result.next.kind === "too-late") await ctx.reply(ctx.t("host-too-late", { number }));
          return;
        }
        case "unknown-meeting":
          return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
        case "closed":
          return void (await ctx.reply(ctx.t("meeting-held")));
        case "unknown-organisation":
          return void (await replyHtml(ctx, orgNotFoundText(ctx, rest)));
        case "cannot-host":
          return void (await replyHtml(ctx, ctx.t("host-cannot-host", { org: escapeHtml(result.organisation.name) })));
        case "nothing-to-skip":
          return void (await ctx.reply(ctx.t("host-nothing-to-skip")));
      }
    }
    const result = await hosting.proposeFor(scope.network.id, Number(number));
    if (result.kind === "unknown-meeting") return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
    if (result.kind === "closed") return void (await ctx.reply(ctx.t("meeting-held")));
    if (result.kind === "proposed") return void (await replyHtml(ctx, ctx.t("host-proposed-reply", { number, org: escapeHtml(result.proposal.organisation.name), contacts: result.proposal.contacts })));
    if (result.kind === "nobody") return void (await ctx.reply(ctx.t("host-nobody", { number })));
    if (result.kind === "too-late") return void (await ctx.reply(ctx.t("host-too-late", { number })));
    await replyHtml(ctx, ctx.t(result.kind === "open" ? "host-open" : "host-already", { number, org: escapeHtml(result.organisation.name) }));
  });

  composer.callbackQuery(/^host:([adsyn]):(\d{1,9})$/, async (ctx) => {
    const [, action, id] = ctx.match;
    const turnId = Number(id);
    const userId = BigInt(ctx.from.id);
    if (action === "s") {
      const candidates = await hosting.swapCandidates(turnId, userId);
      if (candidates.kind !== "candidates") return void (await ctx.answerCallbackQuery({ text: ctx.t(candidates.kind === "closed" ? "host-closed-toast" : "host-not-contact-toast"), show_alert: true }));
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(ctx.t("host-swap-choose"), {
        reply_markup: { inline_keyboard: candidates.organisations.map((o) => [{ text: o.shortName, callback_data: `host:w:${turnId}:${o.id}` }]) },
      }));
    }
    const decision = ({ a: "accept", d: "decline", y: "swap-accept", n: "swap-refuse" } as const)[action as "a" | "d" | "y" | "n"];
    const result = await hosting.answer(turnId, userId, decision);
    switch (result.kind) {
      case "closed":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("host-closed-toast"), show_alert: true }));
      case "answered":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("host-answered-toast"), show_alert: true }));
      case "not-contact":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("host-not-contact-toast"), show_alert: true }));
      case "bad-swap":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("host-bad-swap-toast"), show_alert: true }));
      case "accepted":
      case "swapped":
        await ctx.answerCallbackQuery({ text: ctx.t("host-accepted-toast") });
        return void (await ctx.editMessageReplyMarkup().catch(() => undefined));
      case "swap-refused":
        await ctx.answerCallbackQuery({ text: ctx.t("host-swap-refused-toast") });
        return void (await ctx.editMessageReplyMarkup().catch(() => undefined));
      case "declined": {
        await ctx.answerCallbackQuery({ text: ctx.t("host-declined-toast") });
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        return void (await deps.dialogues.ask(ctx.chat!.id, ctx.from.id, { kind: REASON_DIALOGUE, step: "reason", data: { turnId } }, () => ctx.reply(ctx.t("host-reason-ask", { max: HOST_REASON_MAX }), { reply_markup: { force_reply: true } })));
      }
      default:
        return void (await ctx.answerCallbackQuery());
    }
  });

  composer.callbackQuery(/^host:w:(\d{1,9}):(\d{1,9})$/, async (ctx) => {
    const result = await hosting.askSwap(Number(ctx.match[1]), BigInt(ctx.from.id), Number(ctx.match[2]));
    if (result.kind !== "swap-asked") {
      const text = result.kind === "not-contact" ? "host-not-contact-toast" : result.kind === "bad-swap" ? "host-bad-swap-toast" : "host-closed-toast";
      return void (await ctx.answerCallbackQuery({ text: ctx.t(text), show_alert: true }));
    }
    await ctx.answerCallbackQuery({ text: toastText(ctx.t("host-swap-asked-toast", { org: result.other.shortName })) });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  });

  // The host checklist's Done button: only the host's members may tick it.
  composer.callbackQuery(/^chk:(\d{1,9}):([a-z-]{1,20})$/, async (ctx) => {
    if (!(await hosting.tick(Number(ctx.match[1]), ctx.match[2]!, BigInt(ctx.from.id)))) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    await ctx.answerCallbackQuery({ text: ctx.t("host-checklist-done-toast") });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  });

  // An optional reason after a decline, as a reply.
  composer.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/") || ctx.chat.type !== "private") return next();
    const dialogue = await ctx.waitingDialogue<{ turnId: number }>();
    if (!dialogue || dialogue.kind !== REASON_DIALOGUE) return next();
    const checked = checkShortReason(ctx.msg.text, HOST_REASON_MAX);
    // The question stays open: a reason that fits may follow.
    if (checked.kind === "empty") return void (await ctx.reply(ctx.t("host-reason-empty")));
    if (checked.kind === "too-long") return void (await ctx.reply(ctx.t("reason-too-long", { length: checked.length, max: HOST_REASON_MAX })));
    await deps.dialogues.clear(ctx.chat.id, ctx.from.id);
    const saved = await hosting.addReason(dialogue.data.turnId, BigInt(ctx.from.id), checked.reason);
    await ctx.reply(ctx.t(saved ? "host-reason-thanks" : "host-reason-not-saved"));
  });

  return {
    composer,
    commands: [
      { command: "rotation", description: "cmd-rotation", chats: ["private", "group"], organiserOnly: false },
      { command: "hosts", description: "cmd-hosts", chats: ["private", "group"], organiserOnly: false },
      { command: "rotation_set", description: "cmd-rotation-set", chats: ["private", "group"], organiserOnly: true },
      { command: "host", description: "cmd-host", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
