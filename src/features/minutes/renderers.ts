import type { PrismaClient } from "../../db/client.ts";
import { minutesMarkdown } from "../../domain/minutes-document.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import type { Outgoing, Payload, Rendering, Renderer } from "../../outbox/types.ts";
import type { NameWithholder } from "../members/name-withholder.ts";
import { minutesPdf } from "./pdf.ts";
import { minutesDocument, minutesHtmlBlocks, readSnapshot } from "./view.ts";

export interface MinutesRendererDeps {
  prisma: PrismaClient;
  /** The groups' copy withholds members' names written into entries. */
  withholder: NameWithholder;
}

/** A copy's payload: the version, and which of its parts goes out next. */
export const firstPart = (version: number): Payload => ({ version, part: 0 });

const skip = (reason: string): Rendering => ({ kind: "skip", reason });

/**
 * A copy of a published version, rendered from what the version stored: its messages (split
 * between entries), then the Markdown file, then the PDF — one part per delivery, so a part
 * that fails is tried again alone and a part that went out is never sent again.
 */
export function minutesRenderers(deps: MinutesRendererDeps): { "minutes-copy": Renderer } {
  const { prisma } = deps;
  return {
    "minutes-copy": async ({ row, to }) => {
      const version = Number(row.payload.version);
      const part = Number(row.payload.part ?? 0);
      if (row.meetingId === null || !Number.isInteger(version) || !Number.isInteger(part) || part < 0) return skip("not a copy of minutes");
      // Names are for organisers: someone who is no longer one gets nothing.
      if (to.kind === "member" && to.role !== "organiser") return skip("no longer an organiser");
      const [published, latest, meeting] = await Promise.all([
        prisma.minutesVersion.findUnique({ where: { meetingId_version: { meetingId: row.meetingId, version } } }),
        prisma.minutesVersion.findFirst({ where: { meetingId: row.meetingId }, orderBy: { version: "desc" }, select: { version: true } }),
        prisma.meeting.findUnique({ where: { id: row.meetingId }, include: { hostOrganisation: true, network: true } }),
      ]);
      if (!published || !meeting) return skip("version gone");
      // A copy not yet begun when a newer version came out would arrive after (or among) the newer one's parts.
      if (part === 0 && latest && latest.version > version) return skip(`superseded by version ${latest.version}`);
      const { network, ...rest } = meeting;
      const reader = to.reader;
      const withNames = to.kind === "member";
      const texts = withNames ? undefined : await deps.withholder.forNetwork(network.id);
      const replacement = reader.t("minutes-name-withheld");
      const doc = minutesDocument(reader, {
        ...readSnapshot(published.content),
        meeting: rest,
        network,
        version,
        withNames,
        // Copies go to the linked chats and to organisers only: the organisers may read a confidential place.
        seesPlace: withNames,
        ...(texts ? { withhold: (text: string) => texts.group(text, replacement) } : {}),
      });
      // An organiser's copy that carries a confidential place cannot be forwarded or saved.
      const protect = withNames && meeting.venuePrivate ? { protect: true } : {};
      const messages = splitIntoMessages(minutesHtmlBlocks(doc));
      const last = messages.length + 1;
      if (part > last) return skip("no such part");
      const name = reader.t("minutes-file-name", { number: meeting.number, version });
      const caption = reader.t("minutes-file-caption", { number: meeting.number, version });
      let message: Outgoing;
      if (part < messages.length) message = { method: "sendMessage", text: messages[part]!, ...protect };
      else if (part === messages.length) message = { method: "sendDocument", bytes: Buffer.from(minutesMarkdown(doc), "utf8"), fileName: `${name}.md`, caption, ...protect };
      // Dated by the publication, so every copy of a version is the same file.
      else message = { method: "sendDocument", bytes: await minutesPdf(doc, published.publishedAt), fileName: `${name}.pdf`, caption, ...protect };
      return { kind: "send", message, ...(part < last ? { next: { version, part: part + 1 } } : {}) };
    },
  };
}
