import type { Meeting, Network, Organisation, Prisma, PrismaClient } from "../../db/client.ts";
import { minutesMarkdown } from "../../domain/minutes-document.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import type { Outgoing, Payload, Rendering, Renderer } from "../../outbox/types.ts";
import type { NameWithholder } from "../members/name-withholder.ts";
import { minutesPdf } from "./pdf.ts";
import { minutesDocument, minutesHtmlBlocks, readSnapshot, type MinutesContent } from "./view.ts";
import type { DecisionService } from "../decisions/service.ts";
import type { ObjectionService } from "../objections/service.ts";
import { objectKeyboard } from "../objections/view.ts";
import type { Recipient } from "../../outbox/types.ts";

export interface MinutesRendererDeps {
  prisma: PrismaClient;
  /** The groups' copy withholds members' names written into entries. */
  withholder: NameWithholder;
  /** Decisions' numbers, what replaced what, and the register in the Markdown file. */
  decisions: DecisionService;
  /** The approved copy records the objections and their answers. */
  objections: ObjectionService;
}

/** A copy's payload: the version, and which of its parts goes out next. */
export const firstPart = (version: number): Payload => ({ version, part: 0 });

const skip = (reason: string): Rendering => ({ kind: "skip", reason });

/**
 * A copy of a published version, rendered from what the version stored: its messages (split
 * between entries), then the Markdown file, then the PDF — one part per delivery, so a part
 * that fails is tried again alone and a part that went out is never sent again.
 */
export function minutesRenderers(deps: MinutesRendererDeps): Record<"minutes-copy" | "minutes-approved", Renderer> {
  const { prisma } = deps;

  /** A version as one reader sees it: names withheld from a chat, the register read now. */
  const contentFor = async (to: Recipient, published: { content: Prisma.JsonValue }, meeting: MeetingRow, version: number): Promise<MinutesContent> => {
    const { network, ...rest } = meeting;
    const withNames = to.kind === "member";
    const texts = withNames ? undefined : await deps.withholder.forNetwork(network.id);
    const replacement = to.reader.t("minutes-name-withheld");
    return {
      ...readSnapshot(published.content),
      meeting: rest,
      network,
      version,
      withNames,
      // Copies go to the linked chats and to organisers only: the organisers may read a confidential place.
      seesPlace: withNames,
      decisions: await deps.decisions.register(network.id, { upTo: meeting.number }),
      ...(texts ? { withhold: (text: string) => texts.group(text, replacement) } : {}),
    };
  };

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
      const reader = to.reader;
      const withNames = to.kind === "member";
      const content = await contentFor(to, published, meeting, version);
      const doc = minutesDocument(reader, content);
      // An organiser's copy that carries a confidential place cannot be forwarded or saved.
      const protect = withNames && meeting.venuePrivate ? { protect: true } : {};
      const messages = splitIntoMessages(minutesHtmlBlocks(doc));
      const last = messages.length + 1;
      if (part > last) return skip("no such part");
      const name = reader.t("minutes-file-name", { number: meeting.number, version });
      const caption = reader.t("minutes-file-caption", { number: meeting.number, version });
      // The last message carries "İtirazım var" while members may still object (checked again on the press).
      const window = part === messages.length - 1 && latest?.version === version ? await deps.objections.window(meeting, meeting.network) : undefined;
      const keyboard = window?.kind === "open" ? { keyboard: objectKeyboard(reader, meeting.id, version) } : {};
      let message: Outgoing;
      if (part < messages.length) message = { method: "sendMessage", text: messages[part]!, ...protect, ...keyboard };
      else if (part === messages.length) message = { method: "sendDocument", bytes: Buffer.from(minutesMarkdown(doc), "utf8"), fileName: `${name}.md`, caption, ...protect };
      // Dated by the publication, so every copy of a version is the same file.
      else message = { method: "sendDocument", bytes: await minutesPdf(doc, published.publishedAt), fileName: `${name}.pdf`, caption, ...protect };
      return { kind: "send", message, ...(part < last ? { next: { version, part: part + 1 } } : {}) };
    },

    // The approved minutes, to an organiser: the Markdown file, then the PDF, each ending with the approval and the objections.
    "minutes-approved": async ({ row, to }) => {
      const version = Number(row.payload.version);
      const part = Number(row.payload.part ?? 0);
      if (row.meetingId === null || !Number.isInteger(version) || (part !== 0 && part !== 1)) return skip("not approved minutes");
      if (to.kind !== "member" || to.role !== "organiser") return skip("no longer an organiser");
      const [published, minutes, meeting] = await Promise.all([
        prisma.minutesVersion.findUnique({ where: { meetingId_version: { meetingId: row.meetingId, version } } }),
        prisma.minutes.findUnique({ where: { meetingId: row.meetingId }, select: { approvedAt: true } }),
        prisma.meeting.findUnique({ where: { id: row.meetingId }, include: { hostOrganisation: true, network: true } }),
      ]);
      if (!published || !meeting || !minutes?.approvedAt) return skip("not approved");
      const objections = await deps.objections.list(row.meetingId);
      const content = await contentFor(to, published, meeting, version);
      const doc = minutesDocument(to.reader, { ...content, approval: { approvedAt: minutes.approvedAt, objections } });
      const name = `${to.reader.t("minutes-file-name", { number: meeting.number, version })}-${to.reader.t("minutes-file-approved")}`;
      const caption = to.reader.t("minutes-approved-caption", { number: meeting.number, version });
      const protect = meeting.venuePrivate ? { protect: true } : {};
      const message: Outgoing =
        part === 0
          ? { method: "sendDocument", bytes: Buffer.from(minutesMarkdown(doc), "utf8"), fileName: `${name}.md`, caption, ...protect }
          : { method: "sendDocument", bytes: await minutesPdf(doc, minutes.approvedAt), fileName: `${name}.pdf`, caption, ...protect };
      return { kind: "send", message, ...(part === 0 ? { next: { version, part: 1 } } : {}) };
    },
  };
}

type MeetingRow = Meeting & { hostOrganisation: Organisation | null; network: Network };
