import type { PrismaClient } from "../../db/client.ts";
import { traceScrubber } from "../../domain/name-scrub.ts";
import { displayName } from "../../domain/names.ts";

/**
 * A text as one reader may see it. `replacement` is the reader's own "(name withheld)", so one
 * function serves readers of any language. `about`: whose entry or task the text is, so its
 * owner or writer sees it as written.
 */
export type ShownText = (text: string, replacement: string, about?: TextOwner) => string;

/** Who an entry or task belongs to: the fields minutes entries and action items carry. */
export interface TextOwner {
  ownerMemberId?: number | null;
  ownerUsername?: string | null;
  /** The owning organisation's short name. */
  ownerOrganisation?: string | null;
  /** Who wrote the entry. */
  authorId?: bigint | null;
}

/** What one network's readers may see of its minutes entries and action items. */
export interface TextAudience {
  /** A group or forum topic: members' names and @usernames withheld from every text. */
  group: ShownText;
  /**
   * One person privately: an organiser sees every text as written; anyone else sees as written
   * only what they (or their organisation) own or wrote themselves, and the rest withheld.
   */
  person(userId: bigint): ShownText;
  /** By where it is read: a private chat is the person's, anything else is a group. */
  in(chat: { type: string } | undefined, userId: bigint | undefined): ShownText;
}

const AS_WRITTEN: ShownText = (text) => text;

/** For readers of something that holds no free text: nothing to withhold, nothing to read. */
export const NO_FREE_TEXT: TextAudience = { group: AS_WRITTEN, person: () => AS_WRITTEN, in: () => AS_WRITTEN };

/** Shorter names are ordinary words too often ("Su", "Ay") to be withheld safely. */
const MIN_NAME_LETTERS = 3;

/**
 * Minutes entries and action items are free text, and who said or owes what is for organisers:
 * every text of an entry or task that reaches a group, or a member who is not an organiser,
 * passes through here. The one place that decides who sees names.
 */
export class NameWithholder {
  constructor(private readonly prisma: PrismaClient) {}

  /** The network's members (those who left too: their names are in older entries) and their readers. */
  async forNetwork(networkId: number): Promise<TextAudience> {
    const members = await this.prisma.member.findMany({
      where: { networkId },
      select: { id: true, userId: true, role: true, leftAt: true, organisation: { select: { shortName: true } }, user: { select: { firstName: true, lastName: true, username: true } } },
    });
    const names = members.flatMap(({ user }) => [displayName(user), user.firstName, user.lastName ?? ""]);
    const traces = {
      names: names.filter((name) => (name.match(/\p{L}/gu)?.length ?? 0) >= MIN_NAME_LETTERS),
      usernames: members.flatMap(({ user }) => (user.username ? [user.username] : [])),
    };
    // Looked up once per card on every refresh: by id, not by scanning the members.
    const current = new Map(members.filter((m) => m.leftAt === null).map((m) => [m.userId, m]));
    // One pattern per language of "(name withheld)", built when first needed.
    const scrubbers = new Map<string, (text: string) => string>();
    const group: ShownText = (text, replacement) => {
      let scrub = scrubbers.get(replacement);
      if (!scrub) scrubbers.set(replacement, (scrub = traceScrubber(traces, replacement)));
      return scrub(text);
    };
    const person = (userId: bigint): ShownText => {
      const reader = current.get(userId);
      if (reader?.role === "organiser") return AS_WRITTEN;
      if (!reader) return group;
      const username = reader.user.username?.toLowerCase();
      const organisation = reader.organisation?.shortName;
      const owns = (about: TextOwner) =>
        about.ownerMemberId === reader.id ||
        (username !== undefined && about.ownerUsername?.replace(/^@/, "").toLowerCase() === username) ||
        (organisation !== undefined && about.ownerOrganisation === organisation) ||
        (about.authorId !== undefined && about.authorId === userId);
      return (text, replacement, about) => (about && owns(about) ? text : group(text, replacement));
    };
    return { group, person, in: (chat, userId) => (chat?.type === "private" && userId !== undefined ? person(userId) : group) };
  }
}
