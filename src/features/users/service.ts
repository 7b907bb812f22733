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

type StoredUser = KnownUser & { lastName: string | null; username: string | null };

/** Telegram accounts the bot has seen: names, chosen language, whether a DM can reach them. */
export class UserService {
  /**
   * What was last read or written per user, so an unchanged sender costs no query. This
   * service makes every change itself and updates the entry; the time limit bounds how stale
   * an entry can be when another process (a second webhook replica) changed the row.
   */
  private readonly recent = new Map<bigint, { user: StoredUser; at: number }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cacheMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the sender of an update; writes only when something about them changed. */
  async remember(from: User): Promise<KnownUser> {
    const id = BigInt(from.id);
    const fields = {
      firstName: from.first_name,
      lastName: from.last_name ?? null,
      username: from.username ?? null,
      languageCode: from.language_code ?? null,
    };
    const sameAs = (user: StoredUser) => (Object.keys(fields) as (keyof typeof fields)[]).every((key) => user[key] === fields[key]);
    const cached = this.recent.get(id);
    if (cached && this.now() - cached.at < this.cacheMs && sameAs(cached.user)) return cached.user;
    const existing = await this.prisma.telegramUser.findUnique({ where: { id }, select: SELECTED });
    let user: StoredUser;
    if (!existing) user = await this.prisma.telegramUser.upsert({ where: { id }, create: { id, ...fields }, update: fields, select: SELECTED });
    else if (sameAs(existing)) user = existing;
    else user = await this.prisma.telegramUser.update({ where: { id }, data: fields, select: SELECTED });
    return this.keep(user);
  }

  private keep(user: StoredUser): StoredUser {
    if (this.recent.size >= 10_000) this.recent.clear();
    this.recent.set(user.id, { user, at: this.now() });
    return user;
  }

  private forget(id: bigint): void {
    this.recent.delete(id);
  }

  /** The row is gone or was changed elsewhere (an erasure, another process): forget the cached copy. */
  evict(id: number | bigint): void {
    this.forget(BigInt(id));
  }

  async find(id: number | bigint): Promise<KnownUser | null> {
    return this.prisma.telegramUser.findUnique({ where: { id: BigInt(id) }, select: SELECTED });
  }

  async setLocale(id: number | bigint, locale: Locale): Promise<void> {
    await this.prisma.telegramUser.update({ where: { id: BigInt(id) }, data: { locale } });
    this.forget(BigInt(id));
  }

  /** The user started the bot in private: DMs reach them from now on. */
  async markReachable(id: number | bigint): Promise<void> {
    await this.prisma.telegramUser.updateMany({
      where: { id: BigInt(id), dmReachable: false },
      data: { dmReachable: true, dmChangedAt: new Date() },
    });
    this.forget(BigInt(id));
  }

  /** Telegram answered 403 to a DM: never started the bot, blocked it, or was deactivated. */
  async markUnreachable(id: number | bigint): Promise<void> {
    await this.prisma.telegramUser.updateMany({
      where: { id: BigInt(id), dmReachable: true },
      data: { dmReachable: false, dmChangedAt: new Date() },
    });
    this.forget(BigInt(id));
  }
}
