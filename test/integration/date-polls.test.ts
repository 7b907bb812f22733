import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// The real clock: card edits are paced in real time (the queue's delays count from Date.now()).
// Every date below is absolute and far enough ahead.
const scenario = useScenario();
const { say } = scenario;

const POLL = "/poll_dates Mart toplantısı | 17 Mart 2027 10:00 | 24 Mart 2027 14:00 | 31 Mart 2027 10:00 | son: 10 Mart 2027 18:00";
const HOW = "Size uyan tarihleri işaretleyin: her tarih için ✅ katılabilirim · 🤷 gerekirse katılabilirim · ❌ katılamam. Oyunuzu oylama bitene kadar değiştirebilirsiniz.";

interface PollNetwork {
  admin: EmulatedUser;
  group: EmulatedChat;
  outsider: EmulatedUser;
  code: string;
  networkId: number;
  /** Buca (two people), Karşıyaka, Bornova, and someone without an organisation the bot has never seen. */
  people: { ayse: EmulatedUser; fatma: EmulatedUser; elif: EmulatedUser; zehra: EmulatedUser; selin: EmulatedUser };
}

/** A network with three organisations and five members of the group, four of whom the bot knows. */
async function pollNetwork(name: string): Promise<PollNetwork> {
  const { emulator, db } = scenario;
  const fixture = await scenario.network(name);
  const { admin, member: ayse, group } = fixture;
  await say(admin, group, "/org_add Buca KDM | Buca");
  await say(admin, group, "/org_add Karşıyaka Kadın Dayanışma | Karşıyaka");
  await say(admin, group, "/org_add Bornova KDM | Bornova");
  await say(admin, group, `/member_set_org @${ayse.username} Buca`);
  const n = emulator.users.size;
  const person = async (first: string, organisation: string | undefined) => {
    const user = emulator.createUser({ first_name: first, username: `${first.toLocaleLowerCase("tr")}_${n}`, language_code: "tr" });
    emulator.setMember(group, user, "member");
    if (organisation) {
      await say(user, group, "/whoami");
      await say(admin, group, `/member_set_org @${user.username} ${organisation}`);
    }
    return user;
  };
  const people = { ayse, fatma: await person("Fatma", "Buca"), elif: await person("Elif", "Karşıyaka"), zehra: await person("Zehra", "Bornova"), selin: await person("Selin", undefined) };
  const network = await db.prisma.network.findUniqueOrThrow({ where: { joinCode: fixture.code } });
  return { admin, group, outsider: fixture.outsider, code: fixture.code, networkId: network.id, people };
}

const cardsIn = (chatId: number, number = 1) => scenario.emulator.botMessagesIn(chatId).filter((m) => m.text?.startsWith(`🗓 Tarih anketi ${number}:`));
const buttonData = (card: StoredMessage) => card.reply_markup?.inline_keyboard?.flat().map((b) => b.callback_data) ?? [];
const press = (user: EmulatedUser, card: StoredMessage, position: number, answer: "y" | "m" | "n") => {
  const data = buttonData(card).find((d) => d?.endsWith(`:${position}:${answer}`));
  if (!data) throw new Error(`no button ${position} ${answer} on the card`);
  return scenario.emulator.pressButton(user, card.chatId, card.message_id, data);
};

/** What a poll may change: equal before and after = nothing was written. */
async function pollRows() {
  const { prisma } = scenario.db;
  const [polls, candidates, votes, cards, outbox, meetings, members, closed] = await Promise.all([
    prisma.datePoll.count(),
    prisma.datePollCandidate.count(),
    prisma.datePollVote.count(),
    prisma.datePollCard.count(),
    prisma.outboxMessage.count(),
    prisma.meeting.count(),
    prisma.member.count(),
    prisma.datePoll.count({ where: { status: { not: "open" } } }),
  ]);
  const answers = (await prisma.datePollVote.findMany({ orderBy: [{ candidateId: "asc" }, { memberId: "asc" }] })).map((v) => `${v.candidateId}/${v.memberId}/${v.answer}`).join(",");
  return { polls, candidates, votes, cards, outbox, meetings, members, closed, answers };
}

/** The card's text from its counts down to the voters line. */
function counts(card: StoredMessage): string {
  const lines = card.text!.split("\n");
  return lines.slice(lines.indexOf("") + 1).join("\n");
}

describe("a date poll's card, votes and tallies", () => {
  it("goes to every linked chat; votes of members of three organisations are counted per organisation, and the card suggests by organisations, then people, then the earliest", async () => {
    const net = await pollNetwork("Anket Ağı");
    const { admin, group, people } = net;
    const second = scenario.emulator.createGroup({ title: "Anket Ağı Koordinasyon", members: [{ user: admin, status: "creator" }] });
    expect(await say(admin, second, `/link ${net.code}`)).toContain("ağına bağlandı");

    const answer = await say(admin, group, POLL);
    expect(answer).toBe(
      [
        "✅ Tarih anketi 1 oluşturuldu (3 seçenek). Anket kartı ağa bağlı 2 sohbete gönderiliyor.",
        "Son oylama tarihi: 10 Mart 2027 Çarşamba, 18:00",
        "Henüz oy vermemiş üyelere özel mesajla bir hatırlatma gönderilecek: 9 Mart 2027 Salı, 18:00",
      ].join("\n"),
    );
    await scenario.settle();
    const [card] = cardsIn(group.id);
    const [other] = cardsIn(second.id);
    expect(card && other).toBeTruthy();
    expect(card!.text).toBe(
      [
        "🗓 Tarih anketi 1: Mart toplantısı",
        HOW,
        "",
        "1) 17 Mart 2027 Çarşamba, 10:00",
        "✅ 0 kişi (0 kurumdan) · 🤷 0 kişi gerekirse",
        "2) 24 Mart 2027 Çarşamba, 14:00",
        "✅ 0 kişi (0 kurumdan) · 🤷 0 kişi gerekirse",
        "3) 31 Mart 2027 Çarşamba, 10:00",
        "✅ 0 kişi (0 kurumdan) · 🤷 0 kişi gerekirse",
        "",
        "Henüz “katılabilirim” diyen olmadı; önerilen tarih ilk oylardan sonra görünecek.",
        "Son oylama tarihi: 10 Mart 2027 Çarşamba, 18:00",
        "Oy veren: 0 kişi",
      ].join("\n"),
    );
    const poll = await scenario.db.prisma.datePoll.findUniqueOrThrow({ where: { networkId_number: { networkId: net.networkId, number: 1 } } });
    expect(card!.reply_markup!.inline_keyboard!.map((row) => row.map((b) => `${b.text}=${b.callback_data}`))).toEqual(
      [1, 2, 3].map((p) => [`${p} ✅=poll:${poll.id}:${p}:y`, `${p} 🤷=poll:${poll.id}:${p}:m`, `${p} ❌=poll:${poll.id}:${p}:n`]),
    );

    const { ayse, fatma, elif, zehra, selin } = people;
    expect(await press(ayse, card!, 1, "y")).toEqual({ text: "1. seçenek: Katılabilirim ✅", show_alert: false });
    await press(ayse, card!, 2, "n");
    await press(ayse, card!, 3, "y");
    expect((await press(fatma, card!, 1, "y")).text).toBe("1. seçenek: Katılabilirim ✅");
    expect((await press(fatma, card!, 2, "m")).text).toBe("2. seçenek: Gerekirse katılabilirim 🤷");
    await press(elif, card!, 2, "y");
    await press(elif, card!, 3, "y");
    await press(zehra, card!, 2, "y");
    // Selin is in the group but has never written there: her press makes her a member, as an RSVP does.
    expect((await press(selin, card!, 1, "y")).text).toBe("1. seçenek: Katılabilirim ✅");
    await press(selin, card!, 3, "y");
    await scenario.settle();
    const selinMember = await scenario.db.prisma.member.findUniqueOrThrow({ where: { networkId_userId: { networkId: net.networkId, userId: BigInt(selin.id) } } });
    expect(selinMember.organisationId).toBeNull();

    // 1: three people, one organisation (Selin has none). 2: two people, two organisations. 3: three people, two organisations.
    const suggested = (line: string) => (c: StoredMessage) =>
      expect(counts(c)).toBe(
        [
          "1) 17 Mart 2027 Çarşamba, 10:00",
          "✅ 3 kişi (1 kurumdan) · 🤷 0 kişi gerekirse",
          `2) 24 Mart 2027 Çarşamba, 14:00${line === "2" ? " ⭐" : ""}`,
          `✅ 2 kişi (2 kurumdan) · 🤷 1 kişi gerekirse`,
          `3) 31 Mart 2027 Çarşamba, 10:00${line === "3" ? " ⭐" : ""}`,
          line === "3" ? "✅ 3 kişi (2 kurumdan) · 🤷 0 kişi gerekirse" : "✅ 2 kişi (2 kurumdan) · 🤷 0 kişi gerekirse",
          "",
          `⭐ Önerilen: ${line}. seçenek — en çok kurumun katılabildiği tarih (eşitlikte en çok kişinin katılabildiği, o da eşitse en erken olan).`,
          "Son oylama tarihi: 10 Mart 2027 Çarşamba, 18:00",
          "Oy veren: 5 kişi",
        ].join("\n"),
      );
    // Most organisations first (1 has the most people but one organisation), then most people: 3.
    for (const c of [card!, other!]) suggested("3")(c);

    // Selin changes her mind about 3: 2 and 3 tie on organisations and people, and 2 is earlier.
    expect((await press(selin, card!, 3, "n")).text).toBe("3. seçenek: Katılamam ❌");
    await scenario.settle();
    for (const c of [card!, other!]) suggested("2")(c);
    expect(await scenario.db.prisma.datePollVote.count({ where: { candidate: { pollId: poll.id } } })).toBe(10);
    expect(await scenario.db.prisma.datePollVote.count({ where: { candidate: { pollId: poll.id }, answer: "yes" } })).toBe(7);
  });

  it("an outsider's press, a forged button and a member of another network change nothing", async () => {
    const net = await pollNetwork("Yabancı Ağı");
    const { admin, group, outsider, people } = net;
    await say(admin, group, POLL);
    await scenario.settle();
    const [card] = cardsIn(group.id);
    await press(people.ayse, card!, 1, "y");
    await scenario.settle();
    const before = await pollRows();
    const text = card!.text;

    // Not in the group: not a member, and pressing does not make them one.
    expect(await press(outsider, card!, 1, "y")).toEqual({ text: "Oy verebilmek için önce ağa katılın: ağın grubunda /join yazın.", show_alert: true });
    // Data on no button of the message (a modified client), naming this poll or another.
    const poll = await scenario.db.prisma.datePoll.findFirstOrThrow({ where: { networkId: net.networkId } });
    for (const forged of [`poll:${poll.id + 1000}:1:y`, `poll:${poll.id}:4:y`, `poll:${poll.id}:1:y:`, "rsvp:1:y"]) {
      expect((await scenario.emulator.pressButton(people.ayse, group.id, card!.message_id, forged, { forged: true })).text).toBe("Bu düğme artık geçerli değil.");
    }
    // Someone of another network, not in this group.
    const elsewhere = await pollNetwork("Başka Ağ");
    expect((await press(elsewhere.people.ayse, card!, 2, "y")).text).toBe("Oy verebilmek için önce ağa katılın: ağın grubunda /join yazın.");
    await scenario.settle();
    const after = await pollRows();
    // The other network's set-up added members; nothing of this poll changed.
    expect({ ...after, members: before.members, outbox: before.outbox }).toEqual(before);
    expect(await scenario.db.prisma.member.findUnique({ where: { networkId_userId: { networkId: net.networkId, userId: BigInt(outsider.id) } } })).toBeNull();
    expect(card!.text).toBe(text);
  });

  it("a burst of presses edits each card a few times, at least 3 s apart, and the last edit shows the database exactly", async () => {
    const net = await pollNetwork("Yoğun Anket Ağı");
    const { admin, group } = net;
    const { db, emulator } = scenario;
    const organisations = await db.prisma.organisation.findMany({ where: { networkId: net.networkId }, orderBy: { rotationPosition: "asc" } });
    const pressers = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const user = emulator.createUser({ first_name: `Üye ${i}`, language_code: "tr" });
        emulator.setMember(group, user, "member");
        await db.prisma.telegramUser.create({ data: { id: BigInt(user.id), firstName: user.first_name } });
        await db.prisma.member.create({ data: { networkId: net.networkId, userId: BigInt(user.id), organisationId: i % 4 === 3 ? null : organisations[i % 4]!.id } });
        return user;
      }),
    );
    await say(admin, group, POLL);
    await scenario.settle();
    const [card] = cardsIn(group.id);

    // Deliveries go on while people press, as the queue's worker would.
    let pressing = true;
    const worker = (async () => {
      while (pressing) {
        await scenario.deliver();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const answers = ["y", "m", "n"] as const;
    const toasts: Promise<unknown>[] = [];
    const started = Date.now();
    for (const [i, user] of pressers.entries()) {
      toasts.push(press(user, card!, (i % 3) + 1, answers[i % 2 === 0 ? 0 : (i >> 1) % 3]!));
      if (i % 2 === 1) toasts.push(press(user, card!, ((i + 1) % 3) + 1, "y"));
      // Spread over about four seconds, so edits fall due while presses still arrive.
      if (i % 6 === 5) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await Promise.all(toasts);
    const pressedFor = Date.now() - started;
    pressing = false;
    await worker;
    await scenario.settle();

    const poll = await db.prisma.datePoll.findFirstOrThrow({ where: { networkId: net.networkId }, include: { candidates: { include: { votes: { include: { member: true } } }, orderBy: { position: "asc" } } } });
    const expected = poll.candidates.flatMap((c) => {
      const yes = c.votes.filter((v) => v.answer === "yes");
      const orgs = new Set(yes.flatMap((v) => (v.member.organisationId === null ? [] : [v.member.organisationId])));
      return [expect.stringMatching(new RegExp(`^${c.position}\\) `)), `✅ ${yes.length} kişi (${orgs.size} kurumdan) · 🤷 ${c.votes.filter((v) => v.answer === "maybe").length} kişi gerekirse`];
    });
    const lines = card!.text!.split("\n");
    expect(lines.slice(3, 9)).toEqual(expected);
    const voters = new Set(poll.candidates.flatMap((c) => c.votes.map((v) => v.memberId))).size;
    expect(voters).toBe(24);
    expect(lines.at(-1)).toBe("Oy veren: 24 kişi");

    const edits = card!.versions.slice(1).map((v) => v.at);
    expect(edits.length).toBeGreaterThan(1);
    // 36 presses over about four seconds: one edit per 3 s while they come, and the last one after.
    expect(edits.length).toBeLessThanOrEqual(Math.floor(pressedFor / 3000) + 2);
    expect(edits.length).toBeLessThan(12);
    for (let i = 1; i < edits.length; i++) expect(edits[i]! - edits[i - 1]!).toBeGreaterThanOrEqual(3000);
    const rows = await db.prisma.outboxMessage.groupBy({ by: ["dedupeKey"], where: { kind: "poll-card-edit", dedupeKey: { startsWith: "poll-card-edit:" }, payload: { path: ["pollId"], equals: poll.id } }, _count: { _all: true } });
    expect(rows.map((r) => r._count._all)).toEqual([1]);
  }, 60_000);
});

describe("/poll_dates refuses bad input with a clear answer and writes nothing", () => {
  it.each([
    ["one candidate", "/poll_dates Mart | 17 Mart 2027 10:00", "Bir tarih anketinde en az 2 tarih seçeneği olmalıdır; siz 1 seçenek yazdınız."],
    ["seven candidates", `/poll_dates Mart${[1, 2, 3, 4, 5, 6, 7].map((d) => ` | ${d} Mart 2027 10:00`).join("")}`, "Bir tarih anketinde en fazla 6 tarih seçeneği olabilir; siz 7 seçenek yazdınız."],
    ["a candidate in the past", "/poll_dates Mart | 17 Mart 2027 10:00 | 1 Ocak 2020 10:00", "2. seçenek: Bu tarih geçmişte kaldı. İleri bir tarih yazın; örnek: 17.03.2027 10:00"],
    ["an unreadable candidate", "/poll_dates Mart | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | bir ara", "3. seçenek: Tarihi ve saati anlayamadım. Şu biçimlerden birini kullanın: 17.03.2027 10:00"],
    ["two equal candidates", "/poll_dates Mart | 17 Mart 2027 10:00 | 17.03.2027 10.00", "1. ve 2. seçenekler aynı tarih ve saati gösteriyor."],
    ["a deadline in the past", "/poll_dates Mart | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | son: 1 Ocak 2020 10:00", "Son oylama tarihi: Bu tarih geçmişte kaldı."],
    ["a deadline after the earliest candidate", "/poll_dates Mart | 24 Mart 2027 10:00 | 17 Mart 2027 10:00 | SON: 20 Mart 2027 10:00", "Son oylama tarihi en erken seçenekten önce olmalıdır"],
    ["an empty title", "/poll_dates  | 17 Mart 2027 10:00 | 24 Mart 2027 10:00", "Anketin bir başlığı olmalıdır"],
    ["an oversized title", `/poll_dates ${"Ş".repeat(201)} | 17 Mart 2027 10:00 | 24 Mart 2027 10:00`, "Başlık en fazla 200 karakter olabilir; yazdığınız başlık 201 karakter."],
    ["no arguments", "/poll_dates", "Kullanım: /poll_dates <başlık> | <tarih saat> | <tarih saat>"],
  ])("%s", async (_what, command, answer) => {
    const { admin, group } = await scenario.network(`Hatalı Anket Ağı ${_what}`);
    const before = await pollRows();
    expect(await say(admin, group, command)).toContain(answer);
    await scenario.settle();
    expect(await pollRows()).toEqual(before);
  });

  it("a member (not an organiser) is told only organisers may, in the group and in private", async () => {
    const { member, group } = await scenario.network("Üye Anket Ağı");
    const before = await pollRows();
    expect(await say(member, group, POLL)).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(member, "private", POLL)).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await pollRows()).toEqual(before);
  });
});

describe("/poll", () => {
  it("shows counts in a group and to members, names only to an organiser in private; without a number, the open polls", async () => {
    const net = await pollNetwork("Sonuç Ağı");
    const { admin, group, people } = net;
    await say(admin, group, POLL);
    await say(admin, group, "/poll_dates Nisan toplantısı | 7 Nisan 2027 10:00 | 14 Nisan 2027 10:00");
    await scenario.settle();
    const [card] = cardsIn(group.id);
    await press(people.ayse, card!, 2, "y");
    await press(people.elif, card!, 2, "m");
    await press(people.zehra, card!, 1, "n");
    await scenario.settle();
    await say(admin, "private", "/start");
    await say(people.ayse, "private", "/start");

    const counted = [
      "🗓 Tarih anketi 1: Mart toplantısı",
      "Durum: oylama sürüyor",
      "",
      "1) 17 Mart 2027 Çarşamba, 10:00: ✅ 0 kişi · 0 kurum · 🤷 0 · ❌ 1",
      "",
      "2) 24 Mart 2027 Çarşamba, 14:00: ✅ 1 kişi · 1 kurum · 🤷 1 · ❌ 0",
      "",
      "3) 31 Mart 2027 Çarşamba, 10:00: ✅ 0 kişi · 0 kurum · 🤷 0 · ❌ 0",
      "",
      "⭐ Önerilen: 2. seçenek — en çok kurumun katılabildiği tarih (eşitlikte en çok kişinin katılabildiği, o da eşitse en erken olan).",
      "Son oylama tarihi: 10 Mart 2027 Çarşamba, 18:00",
      "Oy veren: 3 kişi",
    ].join("\n");
    expect(await say(admin, group, "/poll 1")).toBe(counted);
    // Privately a member also sees her own answers, and only hers.
    expect(await say(people.ayse, "private", "/poll 1")).toBe(`${counted}\n\nSizin oylarınız: 1) — · 2) ✅ · 3) —`);
    expect(await say(admin, "private", "/poll 1")).toContain("Bu ankette henüz oy vermediniz");
    const named = await say(admin, "private", "/poll 1");
    expect(named).toContain("1) 17 Mart 2027 Çarşamba, 10:00: ✅ 0 kişi · 0 kurum · 🤷 0 · ❌ 1\n❌ Katılamaz: Zehra (Bornova KDM)");
    expect(named).toContain("✅ 1 kişi · 1 kurum · 🤷 1 · ❌ 0\n✅ Katılabilir: Ayşe Yılmaz (Buca KDM)\n🤷 Gerekirse: Elif (Karşıyaka Kadın Dayanışma)");

    expect(await say(people.ayse, group, "/poll")).toBe(
      [
        "Sonuçlanmamış tarih anketleri",
        "",
        "Tarih anketi 1: Mart toplantısı (3 seçenek, 3 kişi oy verdi). Ayrıntılar için /poll 1 yazın.",
        "Son oylama tarihi: 10 Mart 2027 Çarşamba, 18:00",
        "",
        "Tarih anketi 2: Nisan toplantısı (2 seçenek, 0 kişi oy verdi). Ayrıntılar için /poll 2 yazın.",
      ].join("\n"),
    );
    expect(await say(people.ayse, group, "/poll 9")).toBe("Bu ağda 9 numaralı bir tarih anketi yok. Açık anketler için /poll yazın.");
    expect(await say(people.ayse, group, "/poll bir")).toMatch(/^Kullanım: \/poll/);
    expect(await say(admin, group, "/poll_cancel 2")).toContain("Tarih anketi 2 iptal edildi");
    expect(await say(people.ayse, group, "/poll")).not.toContain("Tarih anketi 2");
  });
});

describe("/help", () => {
  it("lists /poll for members and the poll commands for organisers", async () => {
    const { admin, member, group } = await scenario.network("Yardım Anket Ağı");
    const memberHelp = await say(member, group, "/help");
    expect(memberHelp).toContain("/poll — Tarih anketlerini ve sonuçlarını görün: /poll 1");
    expect(memberHelp).not.toContain("/poll_dates");
    const organiserHelp = await say(admin, "private", "/help");
    for (const line of ["/poll_dates — Toplantı için tarih anketi başlatın", "/poll_close — Tarih anketini kapatıp toplantıyı oluşturun", "/poll_cancel — Bir tarih anketini iptal edin"]) {
      expect(organiserHelp).toContain(line);
    }
  });
});

describe("/poll_close and /poll_cancel", () => {
  it("/poll_close makes the next numbered meeting at the chosen date with its host proposal, closes the cards, and tells each voter privately", async () => {
    const net = await pollNetwork("Kapanış Ağı");
    const { admin, group, people } = net;
    const { prisma } = scenario.db;
    await say(admin, group, "/network_set next_number 26");
    for (const user of [admin, people.ayse, people.elif]) await say(user, "private", "/start");
    await say(admin, group, POLL);
    await scenario.settle();
    const [card] = cardsIn(group.id);
    await press(people.ayse, card!, 2, "y");
    await press(people.elif, card!, 2, "y");
    await press(people.fatma, card!, 1, "n");
    await scenario.settle();

    // A member may not; a number out of range, an unknown poll, a venue too long: nothing changes.
    const before = await pollRows();
    expect(await say(people.ayse, group, "/poll_close 1 2")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(admin, group, "/poll_close 1 4")).toBe("Tarih anketi 1 için 1 ile 3 arasında bir seçenek numarası yazın.");
    expect(await say(admin, group, "/poll_close 1 0")).toBe("Tarih anketi 1 için 1 ile 3 arasında bir seçenek numarası yazın.");
    expect(await say(admin, group, "/poll_close 7 1")).toBe("Bu ağda 7 numaralı bir tarih anketi yok. Açık anketler için /poll yazın.");
    expect(await say(admin, group, `/poll_close 1 2 | ${"Y".repeat(201)}`)).toBe("Bu metin en fazla 200 karakter olabilir; yazdığınız metin 201 karakter.");
    expect(await say(admin, group, "/poll_close 1 2 | Salon | Gündem | fazlası")).toMatch(/^Kullanım: \/poll_close/);
    await scenario.settle();
    expect(await pollRows()).toEqual(before);

    // The venue was given: only the agenda is still to add.
    const madeAnswer = await say(admin, group, "/poll_close 1 2 | Salon | ");
    expect(madeAnswer).toContain("Gündemi /meeting_edit 26 agenda … ile ekleyebilirsiniz.");
    expect(madeAnswer).not.toContain("venue …");
    await scenario.settle();
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { networkId: net.networkId } });
    // Made as /meeting_new makes one: the series title; the poll's own title only named the poll.
    const { seriesTitle } = await prisma.network.findUniqueOrThrow({ where: { id: net.networkId } });
    expect(meeting).toMatchObject({ number: 26, title: seriesTitle, startsAt: new Date("2027-03-24T11:00:00Z"), endsAt: new Date("2027-03-24T16:00:00Z"), venueName: "Salon", agenda: [] });
    const poll = await prisma.datePoll.findFirstOrThrow({ where: { networkId: net.networkId } });
    expect(poll).toMatchObject({ status: "closed", chosenPosition: 2, meetingId: meeting.id });
    expect(poll.closedAt).not.toBeNull();
    expect((await prisma.network.findUniqueOrThrow({ where: { id: net.networkId } })).nextMeetingNumber).toBe(27);

    // The hosting proposal, as after /meeting_new: Buca is first in the rotation.
    const turn = await prisma.hostTurn.findFirstOrThrow({ where: { meetingId: meeting.id }, include: { organisation: true } });
    expect([turn.status, turn.organisation.shortName]).toEqual(["proposed", "Buca"]);
    expect(scenario.emulator.botMessagesIn(people.ayse.id).some((m) => m.text?.includes("26. toplantının ev sahipliği sırası kurumunuzda: Buca KDM"))).toBe(true);
    expect(scenario.emulator.botMessagesIn(group.id).some((m) => m.text?.startsWith("🏠 26. toplantı için ev sahibi önerildi: Buca KDM."))).toBe(true);

    // The card: no buttons, the result.
    expect(card!.reply_markup?.inline_keyboard ?? []).toEqual([]);
    expect(card!.text).toContain("2) 24 Mart 2027 Çarşamba, 14:00 ✔️\n✅ 2 kişi (2 kurumdan) · 🤷 0 kişi gerekirse");
    expect(card!.text!.endsWith("Oy veren: 3 kişi\n\n✔️ Anket kapandı. Seçilen tarih: 2) 24 Mart 2027 Çarşamba, 14:00\nSonuç: 26. toplantı, 24 Mart 2027 Çarşamba, 14:00–19:00")).toBe(true);

    // Every voter who can be written to hears the result; Fatma never started the bot; the admin did not vote.
    const result = "🗓 Oy verdiğiniz “Mart toplantısı” tarih anketi sonuçlandı.\n26. toplantı: 24 Mart 2027 Çarşamba, 14:00–19:00\nDavet ayrıca gönderilecek. Oyunuz için teşekkür ederiz.";
    for (const voter of [people.ayse, people.elif]) expect(scenario.emulator.botMessagesIn(voter.id).filter((m) => m.text === result)).toHaveLength(1);
    expect(scenario.emulator.botMessagesIn(admin.id).some((m) => m.text?.startsWith("🗓 Oy verdiğiniz"))).toBe(false);
    const results = await prisma.outboxMessage.findMany({ where: { kind: "poll-result", payload: { path: ["pollId"], equals: poll.id } } });
    const memberOf = async (user: EmulatedUser) => `member:${(await prisma.member.findUniqueOrThrow({ where: { networkId_userId: { networkId: net.networkId, userId: BigInt(user.id) } } })).id}`;
    const expected = new Map([
      [await memberOf(people.ayse), "sent"],
      [await memberOf(people.elif), "sent"],
      [await memberOf(people.fatma), "skipped unreachable"],
    ]);
    expect(new Map(results.map((r) => [r.audience, [r.status, r.reason].filter(Boolean).join(" ")]))).toEqual(expected);

    // Closing twice, cancelling a closed poll: a clear answer, nothing changed.
    const closed = await pollRows();
    expect(await say(admin, group, "/poll_close 1 3")).toBe("Tarih anketi 1 zaten kapandı; bu anketten 26. toplantı oluşturuldu.");
    expect(await say(admin, group, "/poll_cancel 1")).toBe("Tarih anketi 1 zaten kapandı; bu anketten 26. toplantı oluşturuldu.");
    await scenario.settle();
    expect(await pollRows()).toEqual(closed);
  });

  it("the organiser's answer to /poll_close is the meeting as /meeting_new would answer it", async () => {
    const net = await pollNetwork("Yanıt Ağı");
    const { admin, group } = net;
    await say(admin, group, POLL);
    const answer = await say(admin, group, "/poll_close 1 3 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji; Güç İlişkileri");
    expect(answer).toBe(
      [
        "✅ Tarih anketi 1 kapandı. Anket kartları güncelleniyor; oy veren 0 kişiye sonuç özel mesajla gönderilecek.",
        "",
        "✅ 1. toplantı oluşturuldu. Lütfen bilgileri kontrol edin:",
        "Tarih: 31 Mart 2027 Çarşamba, 10:00–15:00",
        "Yer: Buca1923 Mevlana Kafe",
        "",
        "Gündem",
        "1. Mevzuat ve Strateji",
        "2. Güç İlişkileri",
        "",
        "Bir yanlışlık görürseniz /meeting_edit 1 ile düzeltebilir, tarihi /reschedule 1 ile değiştirebilirsiniz. Ayrıntılar için /meeting 1 yazın.",
        "Davetleri göndermek için, toplantı bilgileri tamamlanınca /invite 1 yazın.",
      ].join("\n"),
    );
  });

  it("a vote pressed after /poll_close committed, on a card not yet edited, is refused and changes nothing", async () => {
    const net = await pollNetwork("Geç Oy Ağı");
    const { admin, group, people } = net;
    await say(admin, group, POLL);
    await scenario.settle();
    const [card] = cardsIn(group.id);
    await press(people.ayse, card!, 1, "y");
    await scenario.settle();
    // The close is answered, its card edits not yet delivered: the buttons are still there.
    const { message } = scenario.emulator.sendText(admin, group, "/poll_close 1 1");
    await scenario.emulator.nextBotMessage(group.id, message.message_id);
    await scenario.running.ortak.inFlight.drain();
    const before = await pollRows();
    expect(buttonData(card!)).toHaveLength(9);
    expect(await press(people.ayse, card!, 1, "n")).toEqual({ text: "Bu tarih anketinde oylama sona erdi; oy verilemez ve verilen oylar değiştirilemez.", show_alert: true });
    expect(await press(people.elif, card!, 2, "y")).toEqual({ text: "Bu tarih anketinde oylama sona erdi; oy verilemez ve verilen oylar değiştirilemez.", show_alert: true });
    expect(await pollRows()).toEqual(before);
    await scenario.settle();
    expect(buttonData(card!)).toEqual([]);
  });

  it("/poll_cancel closes without a meeting: the cards say so, voters get no message, presses are refused", async () => {
    const net = await pollNetwork("İptal Ağı");
    const { admin, group, people } = net;
    await say(people.ayse, "private", "/start");
    await say(admin, group, POLL);
    await scenario.settle();
    const [card] = cardsIn(group.id);
    await press(people.ayse, card!, 1, "y");
    await scenario.settle();
    const dms = scenario.emulator.botMessagesIn(people.ayse.id).length;

    expect(await say(people.ayse, group, "/poll_cancel 1")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(admin, group, "/poll_cancel")).toBe("Kullanım: /poll_cancel <anket numarası>, örneğin /poll_cancel 1");
    const { message } = scenario.emulator.sendText(admin, group, "/poll_cancel 1");
    expect((await scenario.emulator.nextBotMessage(group.id, message.message_id)).text).toBe("Tarih anketi 1 iptal edildi; anket kartları güncelleniyor. Oy verenlere ayrıca mesaj gönderilmez.");
    await scenario.running.ortak.inFlight.drain();
    expect((await press(people.ayse, card!, 2, "y")).text).toBe("Bu tarih anketi iptal edildi; oy alınmıyor.");
    await scenario.settle();

    expect(card!.text!.startsWith("❌ Bu tarih anketi iptal edildi.\n🗓 Tarih anketi 1: Mart toplantısı\n\n1) 17 Mart 2027 Çarşamba, 10:00\n✅ 1 kişi (1 kurumdan) · 🤷 0 kişi gerekirse")).toBe(true);
    expect(card!.reply_markup?.inline_keyboard ?? []).toEqual([]);
    expect(scenario.emulator.botMessagesIn(people.ayse.id)).toHaveLength(dms);
    const poll = await scenario.db.prisma.datePoll.findFirstOrThrow({ where: { networkId: net.networkId } });
    expect(poll).toMatchObject({ status: "cancelled", meetingId: null, chosenPosition: null });
    expect(await scenario.db.prisma.meeting.count({ where: { networkId: net.networkId } })).toBe(0);

    const cancelled = await pollRows();
    expect(await say(admin, group, "/poll_cancel 1")).toBe("Tarih anketi 1 iptal edilmiş; artık kapatılamaz ya da yeniden iptal edilemez.");
    expect(await say(admin, group, "/poll_close 1 1")).toBe("Tarih anketi 1 iptal edilmiş; artık kapatılamaz ya da yeniden iptal edilemez.");
    expect(await say(admin, group, "/poll_cancel 5")).toBe("Bu ağda 5 numaralı bir tarih anketi yok. Açık anketler için /poll yazın.");
    await scenario.settle();
    expect(await pollRows()).toEqual(cancelled);
  });
});

describe("a forgotten voter", () => {
  it("/forgetme deletes their votes with their membership and, in the same transaction, refreshes the open polls' cards: the counts drop with no other press", async () => {
    const net = await pollNetwork("Unutulan Ağı");
    const { admin, group, people } = net;
    await say(people.fatma, "private", "/start");
    await say(admin, group, POLL);
    await say(admin, group, "/poll_dates Nisan toplantısı | 7 Nisan 2027 10:00 | 14 Nisan 2027 10:00");
    await say(admin, group, "/poll_dates Mayıs toplantısı | 5 Mayıs 2027 10:00 | 12 Mayıs 2027 10:00");
    await scenario.settle();
    const [card] = cardsIn(group.id);
    const [closedCard] = cardsIn(group.id, 2);
    const [untouched] = cardsIn(group.id, 3);
    await press(people.ayse, card!, 1, "y");
    await press(people.fatma, card!, 1, "y");
    await press(people.fatma, card!, 2, "m");
    await press(people.fatma, closedCard!, 1, "y");
    await press(people.ayse, untouched!, 1, "y");
    await scenario.settle();
    // Poll 2 ends with Fatma's vote in it: its cards are the record of how it ended.
    await say(admin, group, "/poll_close 2 1");
    await scenario.settle();
    expect(card!.text).toContain("1) 17 Mart 2027 Çarşamba, 10:00 ⭐\n✅ 2 kişi (1 kurumdan) · 🤷 0 kişi gerekirse\n2) 24 Mart 2027 Çarşamba, 14:00\n✅ 0 kişi (0 kurumdan) · 🤷 1 kişi gerekirse");
    const closedText = closedCard!.text;
    const untouchedVersions = untouched!.versions.length;
    expect(closedText).toContain("✅ 1 kişi (1 kurumdan)");

    const { prisma } = scenario.db;
    const poll = await prisma.datePoll.findFirstOrThrow({ where: { networkId: net.networkId, number: 1 } });
    const refresh = () => prisma.outboxMessage.findUnique({ where: { dedupeKey: `poll-cards:${poll.id}` } });
    const refreshedBefore = (await refresh())!.notBefore;
    await say(people.fatma, "private", "/forgetme");
    const confirmation = scenario.emulator.botMessagesIn(people.fatma.id).at(-1)!;
    const yes = confirmation.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    await scenario.emulator.pressButton(people.fatma, people.fatma.id, confirmation.message_id, yes);
    await scenario.running.ortak.inFlight.drain();
    // The erasure itself armed the card refresh of poll 1 (and of no other poll).
    expect((await refresh())!.notBefore.getTime()).toBeGreaterThan(refreshedBefore.getTime());
    await scenario.settle();
    expect(await prisma.member.count({ where: { userId: BigInt(people.fatma.id) } })).toBe(0);
    expect(await prisma.datePollVote.count({ where: { candidate: { pollId: poll.id } } })).toBe(1);
    expect(await say(admin, group, "/poll 1")).toContain("1) 17 Mart 2027 Çarşamba, 10:00: ✅ 1 kişi · 1 kurum · 🤷 0 · ❌ 0\n\n2) 24 Mart 2027 Çarşamba, 14:00: ✅ 0 kişi · 0 kurum · 🤷 0 · ❌ 0");

    // No one pressed anything since: the cards show it already.
    expect(card!.text).toContain("1) 17 Mart 2027 Çarşamba, 10:00 ⭐\n✅ 1 kişi (1 kurumdan) · 🤷 0 kişi gerekirse\n2) 24 Mart 2027 Çarşamba, 14:00\n✅ 0 kişi (0 kurumdan) · 🤷 0 kişi gerekirse");
    expect(card!.text).toContain("Oy veren: 1 kişi");
    // The closed poll's card keeps its final tally; a poll she never voted in is not edited.
    expect(closedCard!.text).toBe(closedText);
    expect(untouched!.versions).toHaveLength(untouchedVersions);
  });
});
