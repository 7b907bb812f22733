import type { Prisma } from "../../db/client.ts";
import { displayName } from "../../domain/names.ts";

/** Outbox rows addressed to one of these members (their DMs, reminders of items they own). */
export function memberAudiences(memberIds: readonly number[]): Prisma.OutboxMessageWhereInput {
  return { audience: { in: memberIds.map((id) => `member:${id}`) } };
}

/** The subjects under which audit entries may name a person (older entries carry no user id). */
export function auditSubjects(user: { firstName: string; lastName: string | null; username: string | null }): string[] {
  const name = displayName(user);
  return user.username ? [name, `@${user.username}`, `${name} (@${user.username})`] : [name];
}

/** JSON for people: ids as text (Telegram ids exceed what JSON numbers hold exactly), dates as ISO. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item), 2)}\n`;
}
