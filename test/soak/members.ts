import { ApiError, type EmulatedChat, type TelegramEmulator } from "../../emulator/index.ts";
import { Random } from "./random.ts";
import type { SoakSettings } from "./settings.ts";
import type { Watch } from "./watch.ts";
import type { SoakMeeting, SoakMember, SoakNetwork } from "./world.ts";

export type Status = "yes" | "maybe" | "no";

/** What a member said last about a meeting. */
export interface Said {
  status: Status;
  party: number;
}

/** Plain-language replies ortak reads (README "Invitations and answers"), with what each says. */
const PHRASES: Record<"tr" | "en", { text: string; status: Status; party?: number }[]> = {
  tr: [
    { text: "katılıyorum", status: "yes" },
    { text: "geleceğim", status: "yes" },
    { text: "katılıyoruz 2 kişi", status: "yes", party: 2 },
    { text: "3 kişiyiz", status: "yes", party: 3 },
    { text: "geleceğiz 4 kişiyiz", status: "yes", party: 4 },
    { text: "gelemiyorum", status: "no" },
    { text: "maalesef katılamayacağım", status: "no" },
    { text: "belki", status: "maybe" },
    { text: "emin değilim", status: "maybe" },
    { text: "belki gelirim", status: "maybe" },
  ],
  en: [
    { text: "yes", status: "yes" },
    { text: "I'll be there", status: "yes" },
    { text: "we are 3", status: "yes", party: 3 },
    { text: "can't make it", status: "no" },
    { text: "maybe", status: "maybe" },
  ],
};
/** The words members type, so the report can check that no log line carries them. */
export const TYPED_TEXTS = [...PHRASES.tr, ...PHRASES.en].map((p) => p.text);

const BUTTONS: { code: string; status: Status; party?: number }[] = [
  { code: "y", status: "yes" },
  { code: "m", status: "maybe" },
  { code: "n", status: "no" },
  { code: "2", status: "yes", party: 2 },
  { code: "3", status: "yes", party: 3 },
  { code: "5", status: "yes", party: 5 },
];

const SAVED = /^(Kaydedildi|Saved): /;
const CLOSED = /^(Bu toplantı için yanıtlar kapandı|Answers for this meeting are closed)/;
const FAILED = /^(Bir sorun çıktı|Something went wrong)/;
const PRESS_TIMEOUT_MS = 20_000;
const REPLY_TIMEOUT_MS = 30_000;
/** Answers to a meeting with a deadline inside the run stop this long before it, so none is still in flight when it passes. */
const DEADLINE_MARGIN_MS = 90_000;

export interface MemberStats {
  /** Updates the members caused: presses and replies, tries again included. */
  updates: number;
  retriedAfterError: number;
  /** No toast, reaction or reply within the wait: counted as said (the update is Telegram's to deliver). */
  unacknowledged: number;
  refusedClosed: number;
  /** Other answers (a hint, a stale button): counted as not said. */
  otherAnswers: Map<string, number>;
  hostingAccepted: number;
  ackMs: number[];
}

/**
 * 500 people answering at once: each, until the phase ends, picks one of their network's open
 * meetings and presses a button (on the group's card or their own) or replies to a card in words,
 * waits for ortak's answer (toast, reaction or reply), pauses, and goes on; hosting contacts also
 * accept their organisation's hosting proposal. The ledger keeps what each said last.
 */
export class Members {
  readonly ledger = new Map<string, Said>();
  readonly stats: MemberStats = { updates: 0, retriedAfterError: 0, unacknowledged: 0, refusedClosed: 0, otherAnswers: new Map(), hostingAccepted: 0, ackMs: [] };

  constructor(
    private readonly emulator: TelegramEmulator,
    private readonly watch: Watch,
    private readonly settings: SoakSettings,
  ) {}

  static key(meetingId: number, userId: number): string {
    return `${meetingId}:${userId}`;
  }

  async run(networks: SoakNetwork[], phaseEnd: number): Promise<void> {
    await Promise.all(networks.flatMap((network) => network.members.map((member) => this.live(member, phaseEnd))));
  }

  private async live(member: SoakMember, phaseEnd: number): Promise<void> {
    const random = new Random(this.settings.seed * 7919 + member.user.id);
    const [minThink, maxThink] = this.settings.thinkMs;
    await sleep(random.int(0, maxThink));
    const accepted = new Set<string>();
    while (Date.now() < phaseEnd) {
      if (member.hostContact && random.chance(0.1)) await this.acceptHosting(member, accepted);
      const open = member.network.meetings.filter((m) => !m.deadline || Date.now() < m.deadline.getTime() - DEADLINE_MARGIN_MS);
      if (open.length > 0) await this.answerOnce(member, random.pick(open), random);
      await sleep(random.int(minThink, maxThink));
    }
  }

  private async answerOnce(member: SoakMember, meeting: SoakMeeting, random: Random): Promise<void> {
    const privateCard = this.watch.privateCards.get(`${member.user.id}:${meeting.id}`);
    const canWritePrivately = member.started && !member.blocked && privateCard !== undefined;
    const roll = random.next();
    const language = member.user.language_code === "en" ? "en" : "tr";
    if (roll < 0.45) return this.press(member, meeting, member.network.group.id, meeting.groupCard.message_id, random.pick(BUTTONS));
    if (roll < 0.6 && canWritePrivately) return this.press(member, meeting, member.user.id, privateCard, random.pick(BUTTONS));
    if (roll < 0.85 || !canWritePrivately) return this.reply(member, meeting, member.network.group, meeting.groupCard.message_id, random.pick(PHRASES[language]));
    return this.reply(member, meeting, "private", privateCard, random.pick(PHRASES[language]));
  }

  private said(meeting: SoakMeeting, member: SoakMember, status: Status, party: number | undefined): void {
    const key = Members.key(meeting.id, member.user.id);
    const before = this.ledger.get(key);
    // ortak's rule: "yes" without a number keeps the party of an earlier "yes".
    this.ledger.set(key, { status, party: party ?? (before?.status === "yes" && status === "yes" ? before.party : 1) });
  }

  private other(kind: string): void {
    this.stats.otherAnswers.set(kind, (this.stats.otherAnswers.get(kind) ?? 0) + 1);
  }

  private async press(member: SoakMember, meeting: SoakMeeting, chatId: number, messageId: number, button: (typeof BUTTONS)[number]): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      this.stats.updates++;
      const started = Date.now();
      let text: string;
      try {
        text = (await this.emulator.pressButton(member.user, chatId, messageId, `rsvp:${meeting.id}:${button.code}`, { timeoutMs: PRESS_TIMEOUT_MS })).text ?? "";
      } catch (error) {
        if (error instanceof ApiError) return this.other(`button gone: ${error.description}`);
        this.stats.unacknowledged++;
        return this.said(meeting, member, button.status, button.party);
      }
      this.stats.ackMs.push(Date.now() - started);
      if (SAVED.test(text)) return this.said(meeting, member, button.status, button.party);
      if (CLOSED.test(text)) return void this.stats.refusedClosed++;
      if (!FAILED.test(text)) return this.other(`toast: ${text.slice(0, 40)}`);
      this.stats.retriedAfterError++;
      await sleep(2_000);
    }
  }

  private async reply(member: SoakMember, meeting: SoakMeeting, chat: EmulatedChat | "private", cardId: number, phrase: (typeof PHRASES)["tr"][number]): Promise<void> {
    const chatId = chat === "private" ? member.user.id : chat.id;
    for (let attempt = 0; attempt < 3; attempt++) {
      this.stats.updates++;
      const started = Date.now();
      const { message } = this.emulator.sendText(member.user, chat, phrase.text, { replyTo: cardId });
      const answer = await this.watch.answerTo(chatId, message.message_id, REPLY_TIMEOUT_MS);
      if (!answer) {
        this.stats.unacknowledged++;
        return this.said(meeting, member, phrase.status, phrase.party);
      }
      this.stats.ackMs.push(Date.now() - started);
      if (answer.kind === "reaction") return this.said(meeting, member, phrase.status, phrase.party);
      if (CLOSED.test(answer.text)) return void this.stats.refusedClosed++;
      if (!FAILED.test(answer.text)) return this.other(`reply: ${answer.text.slice(0, 40)}`);
      this.stats.retriedAfterError++;
      await sleep(2_000);
    }
  }

  /** The organisation's hosting contact accepts a proposal that reached them privately, once each. */
  private async acceptHosting(member: SoakMember, accepted: Set<string>): Promise<void> {
    const proposal = (this.watch.hostProposals.get(member.user.id) ?? []).find((p) => !accepted.has(p.data));
    if (!proposal || member.blocked) return;
    accepted.add(proposal.data);
    this.stats.updates++;
    const answer = await this.emulator.pressButton(member.user, member.user.id, proposal.messageId, proposal.data, { timeoutMs: PRESS_TIMEOUT_MS }).catch(() => undefined);
    if (answer?.text && SAVED.test(answer.text)) this.stats.hostingAccepted++;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
