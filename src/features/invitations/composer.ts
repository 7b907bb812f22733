import { GrammyError, InputFile } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { formatInstant } from "../../domain/datetime.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { MeetingService } from "../meetings/service.ts";
import { calendarTelling } from "../meetings/view.ts";
import { requireOrganiser } from "../networks/scope.ts";
import type { NetworkService } from "../networks/service.ts";
import { pinnableChats } from "./pinning.ts";
import type { InvitationService } from "./service.ts";
import { repostData } from "./view.ts";
import { toastText } from "../../bot/reply.ts";

const NUMBER = /^\d{1,6}$/;

/** /invite <N>: the invitation card in every linked chat and by DM; re-posting; the card's calendar button. */
export function invitationsFeature(deps: { invitations: InvitationService; meetings: MeetingService; networks: NetworkService }): Feature {
  const composer = new FeatureComposer();
  const { invitations } = deps;

  composer.command("invite", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const number = ctx.match.trim();
    if (!NUMBER.test(number)) return void (await ctx.reply(ctx.t("invite-usage")));
    const check = await deps.meetings.changeable(scope.network.id, Number(number));
    if (check.kind === "unknown-meeting") return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
    if (check.kind === "cancelled") return void (await ctx.reply(ctx.t("invite-cancelled", { number })));
    if (check.kind === "held") return void (await ctx.reply(ctx.t("meeting-held")));
    const { meeting } = check;
    if (meeting.invitedAt !== null) {
      return void (await ctx.reply(
        ctx.t("invite-already", { number, when: formatInstant(meeting.invitedAt!, scope.network.timeZone, ctx.locale) }),
        { reply_markup: { inline_keyboard: [[{ text: ctx.t("invite-repost-button"), callback_data: repostData(meeting.id) }]] } },
      ));
    }
    // Of two /invite at once only one claims the meeting; the cards and DMs go out from the outbox.
    const claim = await invitations.claimInvitation(scope.network, BigInt(ctx.from!.id), meeting.id);
    if (claim.kind === "closed") return void (await ctx.reply(claim.cancelled ? ctx.t("invite-cancelled", { number }) : ctx.t("meeting-held")));
    if (claim.kind === "taken") return void (await ctx.reply(ctx.t("invite-in-progress", { number, when: formatInstant(claim.invitedAt, scope.network.timeZone, ctx.locale) })));
    const chats = claim.chats.length;
    if (chats === 0 && claim.members === 0) return void (await ctx.reply(ctx.t("invite-nowhere")));
    const pinnable = await pinnableChats(ctx.api, ctx.me.id, claim.chats);
    await ctx.reply(ctx.t("invite-queued", { number, chats, pinnable, unpinnable: chats - pinnable, direct: claim.members }));
  });

  composer.callbackQuery(/^repost:(\d{1,9})$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    const meeting = await deps.meetings.findById(meetingId);
    if (!meeting) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    // The button's meeting names the network: in private the chosen network may have lapsed or
    // changed since /invite; in a group it must be the group's own network.
    const scope = await deps.networks.memberScope(meeting.networkId, BigInt(ctx.from.id));
    const here = ctx.chat?.type === "private" || (await ctx.scope())?.network.id === meeting.networkId;
    if (!here || scope?.membership?.role !== "organiser") return void (await ctx.answerCallbackQuery({ text: ctx.t("organisers-only"), show_alert: true }));
    const check = await deps.meetings.changeable(scope.network.id, meeting.number);
    if (check.kind !== "ok") return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    await ctx.answerCallbackQuery();
    const sent = await invitations.repost(scope.network, BigInt(ctx.from.id), meetingId);
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    // Cancelled or over since the check above (a /cancel pressed at the same time): nothing was posted.
    if (sent.kind === "closed") return void (await ctx.reply(sent.cancelled ? ctx.t("invite-cancelled", { number: meeting.number }) : ctx.t("meeting-held")));
    await ctx.reply(ctx.t("invite-reposted-queued", { number: meeting.number, chats: sent.chats.length, direct: sent.members }));
  });

  composer.callbackQuery(/^ics:(\d{1,9})$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    const message = ctx.callbackQuery.message;
    // Only a card of this very meeting carries a valid calendar button.
    if (!message || (await invitations.meetingOfMessage(message.chat.id, message.message_id)) !== meetingId) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    }
    const data = await invitations.cardData(meetingId);
    if (!data) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    // The file carries the venue and address: members of the meeting's network only (a press on
    // the group's own card counts as taking part there).
    if (message.chat.type !== "private") await ctx.takePart();
    if (!(await deps.networks.memberScope(data.network.id, BigInt(ctx.from.id)))) return void (await ctx.answerCallbackQuery({ text: ctx.t("buttons-members-only"), show_alert: true }));
    // The file goes to the presser privately: a confidential place only if they may read it, and then protected.
    const seesPlace = await deps.meetings.seesPlace(data.meeting, data.network, "private", BigInt(ctx.from.id));
    const file = deps.meetings.calendarFile(data.network, data.meeting, calendarTelling(ctx, data.network, seesPlace));
    try {
      await ctx.api.sendDocument(ctx.from.id, new InputFile(Buffer.from(file.content, "utf8"), file.name), {
        caption: ctx.t(data.meeting.status === "cancelled" ? "ics-caption-cancelled" : "ics-caption", { number: data.meeting.number }),
        ...(seesPlace && data.meeting.venuePrivate ? { protect_content: true } : {}),
      });
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        return void (await ctx.answerCallbackQuery({ text: toastText(ctx.t("ics-start-first", { bot: ctx.me.username })), show_alert: true }));
      }
      throw error;
    }
    await ctx.answerCallbackQuery({ text: message.chat.type === "private" ? undefined : ctx.t("ics-sent-private") });
  });

  return {
    composer,
    commands: [{ command: "invite", description: "cmd-invite", chats: ["private", "group"], organiserOnly: true }],
  };
}
