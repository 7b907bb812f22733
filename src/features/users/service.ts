import type { User } from "grammy/types";
import type { PrismaClient } from "../../db/client.ts";
import type { Locale } from "../../bot/i18n.ts";

export interface KnownUser {
  id: bigint;
  firstName: string;
  locale: string | null;
  languageCode: string | null;
  dmReachable: boolean;
}

const SELECTED = { id: true, firstName: true, lastName: true, username: true, languageCode: true, locale: true, dmReachable: true } as const;

/** Telegram accounts the bot has seen: names, chosen language, whether a DM can reach them. */
export class UserService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Records the sender of an update; writes only when something about them changed. */
  async remember(from: User): Promise<KnownUser> {
    const id = BigInt(from.id);
    const fields = {
      firstName: from.first_name,
      lastName: from.last_name ?? null,
      username: from.username ?? null,
      languageCode: from.language_code ?? null,
    };
    const existing = await this.prisma.telegramUser.findUnique({ where: { id }, select: SELECTED });
    if (!existing) {
      return this.prisma.telegramUser.upsert({ where: { id }, create: { id, ...fields }, update: fields, select: SELECTED });
    }
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((key) => existing[key] !== fields[key]);
    if (!changed) return existing;
    return this.prisma.telegramUser.update({ where: { id }, data: fields, select: SELECTED });
  }

  async find(id: number | bigint): Promise<KnownUser | null> {
    return this.prisma.telegramUser.findUnique({ where: { id: BigInt(id) }, select: SELECTED });
  }

  async setLocale(id: number | bigint, locale: Locale): Promise<void> {
    await this.prisma.telegramUser.update({ where: { id: BigInt(id) }, data: { locale } });
  }

  /** The user started the bot in private: DMs reach them from now on. */
  async markReachable(id: number | bigint): Promise<void> {
    await this.prisma.telegramUser.updateMany({
      where: { id: BigInt(id), dmReachable: false },
      data: { dmReachable: true, dmChangedAt: new Date() },
    });
  }

  /** Telegram answered 403 to a DM: never started the bot, blocked it, or was deactivated. */
  async markUnreachable(id: number | bigint): Promise<void> {
    await this.prisma.telegramUser.updateMany({
      where: { id: BigInt(id), dmReachable: true },
      data: { dmReachable: false, dmChangedAt: new Date() },
    });
  }
}
