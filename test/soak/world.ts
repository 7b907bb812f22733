import { DateTime } from "luxon";
import type { EmulatedChat, EmulatedUser, StoredMessage, TelegramEmulator } from "../../emulator/index.ts";
import type { Database } from "../../src/db/client.ts";
import { Random } from "./random.ts";
import type { SoakSettings } from "./settings.ts";
import { cardMeetingId, isCard } from "./watch.ts";

const ZONE = "Europe/Istanbul";
const ORGANISATIONS = [
  { name: "Buca Kadın Danışma Merkezi", short: "Buca" },
  { name: "Karşıyaka Kadın Danışma Merkezi", short: "Karşıyaka" },
  { name: "Bornova Kadın Danışma Merkezi", short: "Bornova" },
  { name: "Çiğli Kadın Danışma Merkezi", short: "Çiğli" },
  { name: "Kadın Dayanışma Derneği", short: "KDD" },
];
const FIRST_NAMES = ["Ayşe", "Fatma", "Elif", "Zeynep", "Derya", "Sibel", "Gülay", "Nermin", "Hülya", "Şule", "Esra", "İpek", "Özlem", "Canan", "Meltem", "Nazlı", "Sevgi", "Yasemin", "Hatice", "Ebru"];
const LAST_NAMES = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özdemir", "Polat", "Erdoğan", "Güneş"];

export interface SoakMember {
  user: EmulatedUser;
  network: SoakNetwork;
  organisation: string;
  /** Started the bot: gets invitation cards privately and may answer there. */
  started: boolean;
  /** Started, then blocked the bot: every DM to them is a 403. */
  blocked: boolean;
  /** The first hosting contact of their organisation: answers hosting proposals. */
  hostContact: boolean;
}

export interface SoakMeeting {
  id: number;
  number: number;
  network: SoakNetwork;
  /** Starts within the run: its reminders, deadline and check-in fall inside it. */
  early: boolean;
  startsAt: Date;
  deadline?: Date;
  /** The group's invitation card. */
  groupCard: StoredMessage;
}

export interface SoakNetwork {
  index: number;
  name: string;
  id: number;
  organiser: EmulatedUser;
  group: EmulatedChat;
  members: SoakMember[];
  meetings: SoakMeeting[];
}

/** A command typed by a person, and the bot's answer in that chat that matches `expected`. */
async function command(emulator: TelegramEmulator, user: EmulatedUser, chat: EmulatedChat | "private", text: string, expected: RegExp): Promise<string> {
  const chatId = chat === "private" ? user.id : chat.id;
  const { message } = emulator.sendText(user, chat, text);
  const answer = await emulator.waitFor(
    () => emulator.botMessagesIn(chatId).find((m) => m.message_id > message.message_id && expected.test(m.text ?? "")),
    90_000,
    `the answer to ${text.split(" ")[0]} in network chat ${chatId}`,
  );
  return answer.text ?? "";
}

const at = (instant: DateTime) => instant.toFormat("yyyy-MM-dd HH:mm");

/**
 * The networks as their organisers set them up through the bot (/setup, /org_add, /meeting_new,
 * /reminders_set, /meeting_edit deadline, /invite); the members are written to the database as
 * after their /join, which is not what this run measures.
 */
export async function buildWorld(emulator: TelegramEmulator, db: Database, settings: SoakSettings): Promise<SoakNetwork[]> {
  const random = new Random(settings.seed);
  const people = Array.from({ length: settings.networks }, (_, n) =>
    Array.from({ length: settings.membersPerNetwork }, (_, i) => {
      const english = random.chance(settings.englishShare);
      const started = random.chance(settings.startedShare);
      const blocked = started && random.chance(settings.blockedShare);
      const user = emulator.createUser({
        first_name: random.pick(FIRST_NAMES),
        last_name: `${random.pick(LAST_NAMES)}${n + 1}${String(i).padStart(3, "0")}`,
        username: `soak_${n + 1}_${i}`,
        language_code: english ? "en" : "tr",
      });
      user.startedBot = started;
      user.blockedBot = blocked;
      return { user, started, blocked, organisation: ORGANISATIONS[i % ORGANISATIONS.length]!.short, hostContact: i < ORGANISATIONS.length };
    }),
  );
  return Promise.all(people.map((members, n) => buildNetwork(emulator, db, settings, n, members)));
}

async function buildNetwork(emulator: TelegramEmulator, db: Database, settings: SoakSettings, n: number, people: Omit<SoakMember, "network">[]): Promise<SoakNetwork> {
  const name = `Soak Ağı ${n + 1}`;
  const organiser = emulator.createUser({ first_name: "Nilüfer", last_name: `Akın${n + 1}`, username: `soak_org_${n + 1}`, language_code: "tr" });
  const group = emulator.createGroup({
    title: name,
    members: [{ user: organiser, status: "creator" }, ...people.map(({ user }) => ({ user }))],
    botStatus: "administrator",
    botRights: { can_pin_messages: true },
  });
  await command(emulator, organiser, "private", "/start", /./);
  await command(emulator, organiser, group, `/setup ${name}`, /ağı kuruldu/);
  // The rest privately: a group allows 20 messages a minute, and its members' answers need them.
  await command(emulator, organiser, "private", "/network_set quiet_hours yok", /./);
  for (const org of ORGANISATIONS) await command(emulator, organiser, "private", `/org_add ${org.name} | ${org.short}`, /^Kurum eklendi/);

  const network = await db.prisma.network.findFirstOrThrow({ where: { name }, include: { organisations: true } });
  const organisationId = new Map(network.organisations.map((o) => [o.shortName, o.id]));
  await db.prisma.telegramUser.createMany({
    data: people.map(({ user, started }) => ({ id: BigInt(user.id), firstName: user.first_name, lastName: user.last_name ?? null, username: user.username!, languageCode: user.language_code!, dmReachable: started })),
  });
  await db.prisma.member.createMany({
    data: people.map(({ user, organisation, hostContact }) => ({ networkId: network.id, userId: BigInt(user.id), organisationId: organisationId.get(organisation)!, isHostContact: hostContact })),
  });

  const soakNetwork: SoakNetwork = { index: n, name, id: network.id, organiser, group, members: [], meetings: [] };
  soakNetwork.members = people.map((person) => ({ ...person, network: soakNetwork }));

  // Meeting 1 starts within the run, so that its reminders (4 and 2 minutes before, with the
  // default 5 minutes), its answer deadline (1 minute before) and its check-in card fall inside
  // it; the others are weeks ahead.
  const now = DateTime.now().setZone(ZONE);
  const earlyStart = now.plus({ minutes: settings.earlyStartMinutes }).plus({ minutes: 1 }).startOf("minute");
  const plans = Array.from({ length: settings.meetingsPerNetwork }, (_, k) => (k === 0 ? earlyStart : now.plus({ days: 14 + 7 * k }).set({ hour: 10, minute: 0 }).startOf("minute")));
  for (const [k, startsAt] of plans.entries()) {
    await command(emulator, organiser, "private", `/meeting_new ${at(startsAt)} | Toplantı Salonu ${k + 1} | Açılış; Değerlendirme`, /toplantı oluşturuldu/);
  }
  const offsets = [settings.earlyStartMinutes - 1, Math.ceil((settings.earlyStartMinutes - 1) / 2)];
  await command(emulator, organiser, "private", `/reminders_set 1 ${offsets.map((m) => `${m}m`).join(" ")}`, /hatırlatmaları bundan sonra/);
  await command(emulator, organiser, "private", `/meeting_edit 1 deadline ${at(earlyStart.minus({ minutes: 1 }))}`, /toplantı güncellendi/);
  for (let k = 1; k <= plans.length; k++) await command(emulator, organiser, "private", `/invite ${k}`, /davet kartı/);

  const meetings = await db.prisma.meeting.findMany({ where: { networkId: network.id }, orderBy: { number: "asc" } });
  const groupCard = (meetingId: number) =>
    emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => isCard(m) && cardMeetingId(m) === meetingId), 120_000, `the group card of meeting ${meetingId}`);
  for (const meeting of meetings) {
    soakNetwork.meetings.push({
      id: meeting.id,
      number: meeting.number,
      network: soakNetwork,
      early: meeting.number === 1,
      startsAt: meeting.startsAt,
      ...(meeting.rsvpDeadline ? { deadline: meeting.rsvpDeadline } : {}),
      groupCard: await groupCard(meeting.id),
    });
  }
  return soakNetwork;
}
