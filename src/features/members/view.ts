import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import type { Organisation } from "../../db/client.ts";
import type { MemberView } from "./service.ts";

/** The member list, per organisation: for organisers only, since it names people. */
export function memberListLines(ctx: BotContext, networkName: string, everyone: MemberView[], organisations: Organisation[]): string[] {
  const members = everyone.filter((m) => !m.left);
  const lines = [ctx.t("members-header", { network: escapeHtml(networkName), count: members.length })];
  const groups: { title: string; members: MemberView[] }[] = organisations.map((org) => ({
    title: escapeHtml(org.name),
    members: members.filter((m) => m.organisation?.id === org.id),
  }));
  groups.push({ title: ctx.t("members-no-organisation"), members: members.filter((m) => !m.organisation) });
  groups.push({ title: ctx.t("members-left"), members: everyone.filter((m) => m.left) });
  for (const group of groups.filter((g) => g.members.length > 0)) {
    lines.push("", `<b>${group.title}</b> (${group.members.length})`);
    for (const member of group.members) {
      lines.push(
        ctx.t("members-line", {
          name: escapeHtml(member.name),
          username: member.username ? ` @${escapeHtml(member.username)}` : "",
          role: ctx.t(`role-${member.role}`),
          reach: ctx.t(member.dmReachable ? "members-reachable" : "members-unreachable"),
        }),
      );
    }
  }
  return lines;
}

export function memberName(member: MemberView): string {
  return escapeHtml(member.username ? `${member.name} (@${member.username})` : member.name);
}
