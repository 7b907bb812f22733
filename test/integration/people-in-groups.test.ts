import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.ts";
import { repliedMessage, repliedPerson } from "../../src/bot/replied.ts";
import type { EmulatedChat, EmulatedUser } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

const scenario = useScenario();
const { say, network, countRows } = scenario;
const prisma = () => scenario.db.prisma;

const CHANGE_SENT = "Tamam. Ayrıntıları size özel mesajla gönderdim.";
const REPORT_SENT = "Size özel mesajla gönderdim; isimler yalnızca koordinatörlere gösterilir.";
const changeStartMe = () =>
  `Tamam, işlem yapıldı. Ayrıntıları yalnızca özel mesajla gönderebiliyorum; görebilmeniz için lütfen https://t.me/${scenario.emulator.bot.username} bağlantısını açıp Başlat’a basın.`;
const AMBIGUOUS = "Bu kullanıcı adı ağda birden fazla kişiyle eşleşiyor; kimi kastettiğinizden emin olamıyorum. Lütfen komutu grupta, kişinin bir mesajını yanıtlayarak yeniden yazın.";
const UNKNOWN = "Bu kullanıcı adıyla ağın üyeleri arasında kimseyi bulamadım. Lütfen komutu grupta, kişinin bir mesajını yanıtlayarak yeniden yazın.";

const lastDm = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).at(-1)?.text;

/** Every word by which a group message could name the person. */
function namesOf(user: EmulatedUser): string[] {
  return [user.first_name, user.last_name, user.username].filter((word): word is string => word !== undefined);
}

/** Fails when a bot message in the chat names any of the people. */
function expectNoNamesIn(chat: EmulatedChat, ...people: EmulatedUser[]) {
  const texts = scenario.emulator.botMessagesIn(chat.id).map((m) => (m.text ?? m.caption ?? "").toLocaleLowerCase("tr-TR"));
  for (const word of people.flatMap(namesOf)) {
    for (const text of texts) expect(text, `“${word}” in the group`).not.toContain(word.toLocaleLowerCase("tr-TR"));
  }
}

/** A message by `user` in the chat (answered by the bot with /whoami), for an organiser to reply to. */
async function messageBy(user: EmulatedUser, chat: EmulatedChat, threadId?: number): Promise<number> {
  const { message } = scenario.emulator.sendText(user, chat, "/whoami", { threadId });
  await scenario.emulator.nextBotMessage(chat.id, message.message_id);
  await scenario.running.ortak.inFlight.drain();
  return message.message_id;
}

/** Like `say`, in a forum topic. */
async function sayInTopic(user: EmulatedUser, chat: EmulatedChat, threadId: number, text: string, replyTo?: number): Promise<string> {
  const { message } = scenario.emulator.sendText(user, chat, text, { threadId, replyTo });
  const reply = (await scenario.emulator.nextBotMessage(chat.id, message.message_id)).text ?? "";
  await scenario.running.ortak.inFlight.drain();
  return reply;
}

async function networkId(group: EmulatedChat): Promise<number> {
  return (await prisma().chat.findFirstOrThrow({ where: { telegramChatId: BigInt(group.id) } })).networkId;
}

async function memberRow(group: EmulatedChat, user: EmulatedUser) {
  return prisma().member.findUniqueOrThrow({
    where: { networkId_userId: { networkId: await networkId(group), userId: BigInt(user.id) } },
    include: { organisation: true },
  });
}

async function latestAudit(group: EmulatedChat) {
  return prisma().auditEntry.findFirstOrThrow({ where: { networkId: await networkId(group) }, orderBy: { id: "desc" } });
}

/** Meeting 25 of the chat's network, already held: its minutes are open. */
async function heldMeeting(group: EmulatedChat) {
  return prisma().meeting.create({
    data: { networkId: await networkId(group), number: 25, title: "25. Toplantı", startsAt: new Date("2026-02-17T07:00:00Z"), endsAt: new Date("2026-02-17T12:00:00Z"), status: "held" },
  });
}

describe("organiser commands asked in a group: the group gets no name, the organiser gets the details privately", () => {
  it("/organiser_add by reply", async () => {
    const { admin, member, group } = await network("Gizli Rol Ağı");
    await say(admin, "private", "/start");
    const target = await messageBy(member, group);
    expect(await say(admin, group, "/organiser_add", { replyTo: target })).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe(`Ayşe Yılmaz (@${member.username}) artık koordinatör.`);
    expect((await memberRow(group, member)).role).toBe("organiser");
    const entry = await latestAudit(group);
    expect(entry).toMatchObject({ action: "member.role", subjectUserId: BigInt(member.id) });
    expectNoNamesIn(group, member, admin);
  });

  it("/organiser_remove by @username", async () => {
    const { admin, member, group } = await network("Gizli Çıkarma Ağı");
    await say(admin, "private", "/start");
    await say(admin, group, `/organiser_add @${member.username}`);
    expect(await say(admin, group, `/organiser_remove @${member.username}`)).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe(`Ayşe Yılmaz (@${member.username}) artık koordinatör değil.`);
    expect((await memberRow(group, member)).role).toBe("member");
    expect(await latestAudit(group)).toMatchObject({ action: "member.role", subjectUserId: BigInt(member.id), after: { role: "member" } });
    expectNoNamesIn(group, member, admin);
  });

  it("/member_set_org by @username", async () => {
    const { admin, member, group } = await network("Gizli Kurum Ağı");
    await say(admin, group, "/org_add Buca Belediyesi KDM | Buca");
    await say(admin, "private", "/start");
    expect(await say(admin, group, `/member_set_org @${member.username} Buca`)).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe(`Ayşe Yılmaz (@${member.username}) artık Buca Belediyesi KDM üyesi.`);
    expect((await memberRow(group, member)).organisation?.shortName).toBe("Buca");
    expect(await latestAudit(group)).toMatchObject({ action: "member.organisation", subjectUserId: BigInt(member.id) });
    expectNoNamesIn(group, member, admin);
  });

  it("/host_contact by reply, and its refusal without an organisation names no one either", async () => {
    const { admin, member, group } = await network("Gizli Temsilci Ağı");
    await say(admin, "private", "/start");
    const target = await messageBy(member, group);
    const before = await countRows();
    expect(await say(admin, group, "/host_contact", { replyTo: target })).toBe("Önce bu kişinin kurumunu belirleyin: /member_set_org");
    expect(await countRows()).toEqual(before);
    await say(admin, group, "/org_add Konak Belediyesi KDM | Konak");
    await say(admin, group, `/member_set_org @${member.username} Konak`);
    expect(await say(admin, group, "/host_contact evet", { replyTo: target })).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe(`Ayşe Yılmaz (@${member.username}) artık Konak Belediyesi KDM kurumunun ev sahipliği irtibat kişisi; ev sahipliğiyle ilgili sorular kurumun irtibat kişilerine gönderilir.`);
    expect((await memberRow(group, member)).isHostContact).toBe(true);
    expect(await latestAudit(group)).toMatchObject({ action: "member.host_contact", subjectUserId: BigInt(member.id) });
    expectNoNamesIn(group, member, admin);
  });

  it("/minutes_taker by reply", async () => {
    const { admin, member, group } = await network("Gizli Tutanak Ağı");
    const meeting = await heldMeeting(group);
    await say(admin, "private", "/start");
    const target = await messageBy(member, group);
    expect(await say(admin, group, "/minutes_taker 25", { replyTo: target })).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe("Ayşe, 25. toplantının tutanak sorumlusu olarak belirlendi.");
    expect((await prisma().minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } })).takerId).toBe(BigInt(member.id));
    expect(await latestAudit(group)).toMatchObject({ action: "minutes.taker", subjectUserId: BigInt(member.id) });
    expectNoNamesIn(group, member, admin);
  });

  it("/audit in a group goes to the organiser privately", async () => {
    const { admin, member, group } = await network("Gizli Kayıt Ağı");
    await say(admin, "private", "/start");
    await say(admin, group, `/organiser_add @${member.username}`);
    expect(await say(admin, group, "/audit 1")).toBe(REPORT_SENT);
    expect(lastDm(admin)).toMatch(/Üyenin rolü değişti · Ayşe Yılmaz member → organiser/);
    expectNoNamesIn(group, member, admin);
  });

  it("an organiser who never started the bot: the change is made, the group is told to start the bot, still no name", async () => {
    const { admin, member, group } = await network("Başlatılmamış Ağ");
    await say(admin, group, "/org_add Bornova Belediyesi KDM | Bornova");
    const meeting = await heldMeeting(group);
    const target = await messageBy(member, group);
    expect(await say(admin, group, `/member_set_org @${member.username} Bornova`)).toBe(changeStartMe());
    expect(await say(admin, group, "/host_contact", { replyTo: target })).toBe(changeStartMe());
    expect(await say(admin, group, "/minutes_taker 25", { replyTo: target })).toBe(changeStartMe());
    expect(await say(admin, group, "/organiser_add", { replyTo: target })).toBe(changeStartMe());
    const row = await memberRow(group, member);
    expect(row).toMatchObject({ role: "organiser", isHostContact: true, organisation: { shortName: "Bornova" } });
    expect((await prisma().minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } })).takerId).toBe(BigInt(member.id));
    // Read-only answers cannot be given at all; they say so.
    expect(await say(admin, group, "/audit")).toMatch(/^Bunu yalnızca özel mesajla gönderebilirim\. Lütfen önce https:\/\/t\.me\//);
    expect(scenario.emulator.botMessagesIn(admin.id)).toEqual([]);
    expectNoNamesIn(group, member, admin);
  });

  it("an organiser who blocked the bot is treated the same way", async () => {
    const { admin, member, group } = await network("Engelli Ağ");
    await say(admin, "private", "/start");
    scenario.emulator.blockBot(admin);
    expect(await say(admin, group, `/organiser_add @${member.username}`)).toBe(changeStartMe());
    expect((await memberRow(group, member)).role).toBe("organiser");
    expectNoNamesIn(group, member, admin);
  });

  it("asked privately, the answer itself carries the details", async () => {
    const { admin, member, group } = await network("Özel Yanıt Ağı");
    await say(admin, "private", "/start");
    expect(await say(admin, "private", `/organiser_add @${member.username}`)).toBe(`Ayşe Yılmaz (@${member.username}) artık koordinatör.`);
    expect(await say(admin, "private", "/audit 1")).toMatch(/Üyenin rolü değişti · Ayşe Yılmaz member → organiser/);
  });
});

describe("@username that names no one, or more than one", () => {
  /** A second member of the network whose stored username is the same as the first member's (Telegram usernames move on). */
  async function twoWithOneUsername() {
    const fixture = await network("Aynı Ad Ağı");
    const other = scenario.emulator.createUser({ first_name: "Elif", username: `elif_${scenario.emulator.users.size}`, language_code: "tr" });
    scenario.emulator.setMember(fixture.group, other, "member");
    await messageBy(other, fixture.group);
    await prisma().telegramUser.update({ where: { id: BigInt(other.id) }, data: { username: fixture.member.username!.toUpperCase() } });
    await say(fixture.admin, fixture.group, "/org_add Çiğli Belediyesi KDM | Çiğli");
    return { ...fixture, other };
  }

  it.each(["/organiser_add @·", "/organiser_remove @·", "/member_set_org @· Çiğli", "/host_contact @·"])(
    "an ambiguous username in %s is refused, nothing changed",
    async (command) => {
      const { admin, member, group } = await twoWithOneUsername();
      const before = await countRows();
      expect(await say(admin, group, command.replace("·", member.username!))).toBe(AMBIGUOUS);
      expect(await countRows()).toEqual(before);
    },
  );

  it("an unknown username is refused, nothing changed", async () => {
    const { admin, group } = await network("Bilinmeyen Ad Ağı");
    await say(admin, group, "/org_add Çiğli Belediyesi KDM | Çiğli");
    for (const command of ["/organiser_add @hic_kimse", "/member_set_org @hic_kimse Çiğli", "/host_contact @hic_kimse hayır"]) {
      const before = await countRows();
      expect(await say(admin, group, command)).toBe(UNKNOWN);
      expect(await countRows()).toEqual(before);
    }
  });

  it("replying to the person still works when their username is shared", async () => {
    const { admin, other, group } = await twoWithOneUsername();
    await say(admin, "private", "/start");
    const target = await messageBy(other, group);
    expect(await say(admin, group, "/member_set_org Çiğli", { replyTo: target })).toBe(CHANGE_SENT);
    expect((await memberRow(group, other)).organisation?.shortName).toBe("Çiğli");
  });
});

describe("forum topics: the topic's creation message is not a reply to its creator", () => {
  /** A forum linked as a whole; Selin, an administrator and member, creates a topic. */
  async function forumWithTopic(name: string) {
    const { emulator } = scenario;
    const n = emulator.users.size;
    const admin = emulator.createUser({ first_name: "Derya", username: `derya_${n}`, language_code: "tr" });
    const selin = emulator.createUser({ first_name: "Selin", username: `selin_${n}`, language_code: "tr" });
    const group = emulator.createGroup({
      title: name,
      isForum: true,
      botStatus: "administrator",
      members: [{ user: admin, status: "creator" }, { user: selin, status: "administrator" }],
    });
    await say(admin, group, `/setup ${name}`);
    await say(admin, "private", "/start");
    await messageBy(selin, group);
    const topic = emulator.createTopic(group, "Toplantılar", selin);
    await scenario.running.ortak.inFlight.drain();
    return { admin, selin, group, topic };
  }

  it.each([
    ["/organiser_add", "Kullanım: kişinin bir mesajını yanıtlayarak /organiser_add ya da /organiser_add @kullanıcıadı"],
    ["/member_set_org Çiğli", "Kullanım: kişinin bir mesajını yanıtlayarak /member_set_org <kısa ad> ya da /member_set_org @kullanıcıadı <kısa ad>"],
    ["/host_contact", "Kullanım: kişinin bir mesajını yanıtlayarak /host_contact [evet|hayır] ya da /host_contact @kullanıcıadı [evet|hayır]"],
    ["/minutes_taker 25", "Kullanım: tutanak sorumlusu olarak belirleyeceğiniz kişinin bir mesajını yanıtlayarak /minutes_taker <numara> yazın."],
  ])("a bare %s in a topic answers with its usage and changes nothing", async (command, usage) => {
    const { admin, selin, group, topic } = await forumWithTopic("Forum Ağı");
    await say(admin, group, "/org_add Çiğli Belediyesi KDM | Çiğli");
    const meeting = await heldMeeting(group);
    const before = await countRows();
    expect(await sayInTopic(admin, group, topic, command)).toBe(usage);
    expect(await countRows()).toEqual(before);
    expect(await memberRow(group, selin)).toMatchObject({ role: "member", isHostContact: false, organisationId: null });
    expect(await prisma().minutes.findUnique({ where: { meetingId: meeting.id } })).toBeNull();
  });

  it("a real reply in a topic still names the person replied to", async () => {
    const { admin, selin, group, topic } = await forumWithTopic("Forum Yanıt Ağı");
    const target = await messageBy(selin, group, topic);
    expect(await sayInTopic(admin, group, topic, "/organiser_add", target)).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe(`Selin (@${selin.username}) artık koordinatör.`);
    expect((await memberRow(group, selin)).role).toBe("organiser");
    expectNoNamesIn(group, selin, admin);
  });

  it("in a topic only a real reply to the minutes card is an entry", async () => {
    const { admin, group, topic } = await forumWithTopic("Forum Tutanak Ağı");
    const meeting = await heldMeeting(group);
    expect(await sayInTopic(admin, group, topic, "/minutes 25")).toContain("📝 25. toplantının tutanağı");
    const card = scenario.emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith("📝")).at(-1)!;
    const before = await countRows();
    // The bot is an administrator and reads everything; updates of one chat are handled in order,
    // so once /whoami is answered the plain message before it has been handled too.
    const { delivered } = scenario.emulator.sendText(admin, group, "Bu bir kayıt değil, konuşma.", { threadId: topic });
    expect(delivered).toBe(true);
    await sayInTopic(admin, group, topic, "/whoami");
    expect(await countRows()).toEqual(before);
    expect(await sayInTopic(admin, group, topic, "Açılış yapıldı.", card.message_id)).toBe("✍️ 1 numaralı kayıt eklendi.");
    expect(await prisma().minutesEntry.count({ where: { minutes: { meetingId: meeting.id } } })).toBe(1);
  });
});

describe("repliedMessage", () => {
  const person = { id: 7, is_bot: false, first_name: "Selin" };
  const chat = { id: -100, type: "supergroup" as const, title: "Forum" };
  // Messages as Telegram sends them, typed loosely: the tests need shapes the union types keep apart.
  const message = (fields: Record<string, unknown>) => ({ message_id: 50, date: 0, chat, from: person, ...fields }) as unknown as Message;
  // Only ctx.msg is read: a whole grammY context is not needed to ask what a message replies to.
  const ctxOf = (msg: Message) => ({ msg }) as unknown as BotContext;

  it("a topic's creation message is no reply, even if Telegram sent it without its service field", () => {
    const created = message({ message_id: 10, forum_topic_created: { name: "Toplantılar", icon_color: 0x6fb9f0 } });
    expect(repliedMessage(ctxOf(message({ message_thread_id: 10, is_topic_message: true, reply_to_message: created })))).toBeUndefined();
    const plain = message({ message_id: 10 });
    expect(repliedMessage(ctxOf(message({ message_thread_id: 10, is_topic_message: true, reply_to_message: plain })))).toBeUndefined();
  });

  it("a reply to someone's message in a topic, or to the first message of a reply chain outside forums, is a reply", () => {
    const said = message({ message_id: 12, message_thread_id: 10, is_topic_message: true });
    expect(repliedPerson(ctxOf(message({ message_thread_id: 10, is_topic_message: true, reply_to_message: said })))).toEqual(person);
    const root = message({ message_id: 12 });
    expect(repliedPerson(ctxOf(message({ message_thread_id: 12, reply_to_message: root })))).toEqual(person);
  });

  it("a bot is never the person replied to", () => {
    const botSaid = message({ message_id: 12, from: { id: 1, is_bot: true, first_name: "ortak" } });
    const ctx = ctxOf(message({ reply_to_message: botSaid }));
    expect(repliedMessage(ctx)?.message_id).toBe(12);
    expect(repliedPerson(ctx)).toBeUndefined();
  });
});
