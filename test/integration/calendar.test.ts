import { describe, expect, it, vi } from "vitest";
import type { EmulatedUser } from "../../emulator/index.ts";
import { FEED_EVENT_LIMIT } from "../../src/features/calendar/service.ts";
import { hashFeedToken } from "../../src/features/calendar/tokens.ts";
import { readWithBoth, readWithNodeIcal } from "../unit/ics-parsers.ts";
import { confirmCancel } from "../support/cancel-confirm.ts";
import { feedUrlIn, useCalendarApp } from "./calendar-app.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
let now = new Date("2026-11-24T09:00:00Z");
const fixture = useCalendarApp(() => now);
const { say } = fixture;
const prisma = () => fixture.db.prisma;

/** A network with meeting 25 invited (17 March 2027, 10:00 in its zone), the member in Buca KDM. */
async function invitedNetwork(name: string, options: { timeZone?: string; agenda?: string } = {}) {
  const fixtureNetwork = await fixture.network(name, options);
  const { admin, member, group } = fixtureNetwork;
  await say(admin, group, "/network_set next_number 25");
  await say(admin, group, "/org_add Buca KDM | Buca");
  await say(admin, group, `/member_set_org @${member.username} Buca`);
  await say(admin, group, `/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | ${options.agenda ?? "Mevzuat ve Strateji; Güç İlişkileri"}`);
  await say(admin, group, "/invite 25");
  return fixtureNetwork;
}

/** /calendar in private: the address of the person's feed, from the message that carries it. */
async function calendarOf(user: EmulatedUser): Promise<{ url: string; messageId: number }> {
  const message = await say(user, "private", "/calendar");
  return { url: feedUrlIn(message), messageId: message.message_id };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const tokenOf = (url: string) => /\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;

describe("/calendar: a personal feed of the person's meetings", () => {
  it("serves the announced meetings over HTTP: zone, place, agenda, the person's own answer, the /ics file's UID; a planned meeting is not in it", async () => {
    const { admin, member, group, networkId } = await invitedNetwork("Takvim Ağı");
    await say(member, group, "/rsvp 25 evet 2");
    // 26 is only planned: nobody was told of it.
    await say(admin, group, "/meeting_new 21 Nisan 2027 10:00 | Salon | Açılış");

    const { url } = await calendarOf(member);
    expect(url).toMatch(new RegExp(`^${fixture.baseUrl}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const linkMessage = fixture.emulator.botMessagesIn(member.id).at(-1)!.text!;
    expect(linkMessage).toContain(`webcal://127.0.0.1:${new URL(fixture.baseUrl).port}/calendar/`);
    expect(linkMessage).toMatch(/Google Takvim.*Apple Takvim.*Outlook/);
    // Only the hash is kept.
    const stored = await prisma().calendarFeed.findUniqueOrThrow({ where: { userId: BigInt(member.id) } });
    expect(stored.tokenHash).toBe(hashFeedToken(tokenOf(url)));
    expect(JSON.stringify(stored, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain(tokenOf(url));

    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(new Date(response.headers.get("last-modified")!).getTime()).toBe(Math.floor(now.getTime() / 1000) * 1000);
    expect(response.body).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n");

    const calendar = readWithBoth(response.body);
    expect(calendar.name).toBe("Takvim Ağı");
    expect(calendar.events).toHaveLength(1);
    const [event] = calendar.events;
    const meeting = await prisma().meeting.findFirstOrThrow({ where: { networkId, number: 25 }, include: { network: true } });
    const file = fixture.app.services.meetings.calendarFile(meeting.network, meeting, { t: (id) => id, personal: true, shown: (text) => text });
    expect(event!.uid).toBe(/UID:(.+)\r\n/.exec(file.content)![1]);
    expect(event).toMatchObject({
      summary: "Takvim Ağı: 25. Toplantı",
      start: "2027-03-17T07:00:00.000Z",
      end: "2027-03-17T12:00:00.000Z",
      zone: "Europe/Istanbul",
      location: "Buca1923 Mevlana Kafe",
      sequence: 0,
      status: "CONFIRMED",
    });
    expect(event!.description).toBe("Gündem:\n1. Mevzuat ve Strateji\n2. Güç İlişkileri\n\nYanıtınız: Katılıyorum (2 kişi)");
    expect(readWithNodeIcal(response.body).events[0]!.zone).toBe("Europe/Istanbul");
    // fetchedAt: written at most once a minute, however often apps ask.
    const fetchedAt = async () => (await prisma().calendarFeed.findUniqueOrThrow({ where: { userId: BigInt(member.id) } })).fetchedAt;
    const firstFetch = now;
    expect(await fetchedAt()).toEqual(firstFetch);
    now = new Date(firstFetch.getTime() + 30_000);
    expect((await get(url)).status).toBe(200);
    expect(await fetchedAt()).toEqual(firstFetch);
    now = new Date(firstFetch.getTime() + 61_000);
    expect((await get(url)).status).toBe(200);
    expect(await fetchedAt()).toEqual(now);

    // The organiser has not answered: the line says so, in their feed.
    const organiserFeed = readWithBoth((await get((await calendarOf(admin)).url)).body);
    expect(organiserFeed.events[0]!.description).toContain("Henüz yanıt vermediniz");
  });

  it("is in the person's language", async () => {
    const { member, group } = await invitedNetwork("Dil Ağı");
    await say(member, "private", "/lang en");
    await say(member, group, "/rsvp 25 belki");
    const { events } = readWithBoth((await get((await calendarOf(member)).url)).body);
    expect(events[0]!.summary).toBe("Dil Ağı: Meeting 25");
    expect(events[0]!.description).toBe("Agenda:\n1. Mevzuat ve Strateji\n2. Güç İlişkileri\n\nYour answer: Maybe");
  });

  it("a reschedule raises SEQUENCE and moves the event; a cancellation marks it CANCELLED; ETag and Last-Modified answer 304 until something changes", async () => {
    const { admin, member, group } = await invitedNetwork("Değişiklik Ağı");
    const { url } = await calendarOf(member);
    const first = await get(url);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;

    const notModified = await fetch(url, { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    expect((await fetch(url, { headers: { "if-modified-since": lastModified } })).status).toBe(304);
    expect((await fetch(url, { headers: { "if-none-match": `W/${etag}, "other"` } })).status).toBe(304);
    // If-None-Match decides when both are sent.
    expect((await fetch(url, { headers: { "if-none-match": '"other"', "if-modified-since": lastModified } })).status).toBe(200);

    now = new Date(now.getTime() + 60_000);
    expect((await say(admin, group, "/reschedule 25 24 Mart 2027 11:00")).text).toContain("24 Mart 2027");
    const moved = await get(url, { "if-none-match": etag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).not.toBe(etag);
    expect(new Date(moved.headers.get("last-modified")!).getTime()).toBeGreaterThan(new Date(lastModified).getTime());
    expect((await get(url, { "if-modified-since": lastModified })).status).toBe(200);
    const [rescheduled] = readWithBoth(moved.body).events;
    expect(rescheduled).toMatchObject({ sequence: 1, status: "CONFIRMED", start: "2027-03-24T08:00:00.000Z", end: "2027-03-24T13:00:00.000Z" });

    await confirmCancel(fixture.emulator, admin, await say(admin, group, "/cancel 25 Salon kullanılamıyor"));
    await fixture.app.ortak.inFlight.drain();
    const cancelled = await get(url, { "if-none-match": moved.headers.get("etag")! });
    expect(cancelled.status).toBe(200);
    const [gone] = readWithBoth(cancelled.body).events;
    expect(gone).toMatchObject({ sequence: 2, status: "CANCELLED", uid: rescheduled!.uid });
    expect(gone!.description).toContain("İptal edildi: Salon kullanılamıyor");
    expect((await fetch(url, { headers: { "if-none-match": cancelled.headers.get("etag")! } })).status).toBe(304);
  });

  it("a zone with daylight saving: a summer and a winter meeting are the right instants for both parsers", async () => {
    const { admin, member, group } = await invitedNetwork("Berlin Ağı", { timeZone: "Europe/Berlin" });
    await say(admin, group, "/meeting_new 1 Temmuz 2027 10:00 | Salon | Yaz");
    await say(admin, group, "/invite 26");
    await say(admin, group, "/meeting_new 1 Aralık 2027 10:00 | Salon | Kış");
    await say(admin, group, "/invite 27");
    const body = (await get((await calendarOf(member)).url)).body;
    expect(body).toContain("DTSTART;TZID=Europe/Berlin:20270701T100000");
    expect(body).toContain("DTSTART;TZID=Europe/Berlin:20271201T100000");
    expect(body).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000/);
    const starts = Object.fromEntries(readWithBoth(body).events.map((e) => [e.summary, e.start]));
    expect(starts).toEqual({
      "Berlin Ağı: 25. Toplantı": "2027-03-17T09:00:00.000Z",
      "Berlin Ağı: 26. Toplantı": "2027-07-01T08:00:00.000Z",
      "Berlin Ağı: 27. Toplantı": "2027-12-01T09:00:00.000Z",
    });
  });

  it("a second /calendar points to the message with the link; reset: the old address answers 404 at once, the new one 200", async () => {
    const { member, group } = await invitedNetwork("Yenileme Ağı");
    const first = await calendarOf(member);
    const again = await say(member, "private", "/calendar");
    expect(again.replyToMessageId).toBe(first.messageId);
    expect(again.text).toContain("/calendar sıfırla");
    expect(again.text).not.toContain("/calendar/");

    const reset = await say(member, "private", "/calendar reset");
    expect(reset.text).toMatch(/^Yeni takvim bağlantınız hazır/);
    const renewed = feedUrlIn(reset);
    expect(renewed).not.toBe(first.url);
    expect((await get(first.url)).status).toBe(404);
    expect((await get(renewed)).status).toBe(200);
    expect((await say(member, "private", "/calendar")).replyToMessageId).toBe(reset.message_id);

    // The server moved (PUBLIC_URL changed): a link shown under the old address is given anew.
    fixture.app.services.calendar.serveAt("https://ortak.example.org");
    try {
      const moved = await say(member, "private", "/calendar");
      expect(moved.replyToMessageId).toBeUndefined();
      expect(feedUrlIn(moved)).toMatch(/^https:\/\/ortak\.example\.org\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect((await get(renewed)).status).toBe(404);
      expect((await say(member, "private", "/calendar")).replyToMessageId).toBe(moved.message_id);
    } finally {
      fixture.app.services.calendar.serveAt(fixture.baseUrl);
    }

    // In the group: only where to ask; nothing about the feed.
    const inGroup = await say(member, group, "/calendar");
    expect(inGroup.text).toMatch(/yalnızca özel mesajla/);
    expect(inGroup.text).not.toContain("/calendar/");
    expect((await say(member, "private", "/calendar bugün")).text).toMatch(/^Kullanım: \/calendar/);
    // The Turkish words for it reset too.
    const renewedInTurkish = await say(member, "private", "/calendar sıfırla");
    expect(renewedInTurkish.text).toMatch(/^Yeni takvim bağlantınız hazır/);
  });

  it("holds every network the person belongs to, and a network they left no longer", async () => {
    const first = await invitedNetwork("Birinci Ağ");
    const second = await fixture.network("İkinci Ağ", { timeZone: "Europe/Berlin" });
    // The member of the first network joins the second one's group and writes there.
    fixture.emulator.joinChat(second.group, first.member, second.admin);
    await say(first.member, second.group, "/whoami");
    await say(second.admin, second.group, "/meeting_new 2 Haziran 2027 10:00 | Salon | Açılış");
    await say(second.admin, second.group, "/invite 1");
    const { url } = await calendarOf(first.member);
    const both = readWithBoth((await get(url)).body);
    expect(both.name).toBe("Birinci Ağ · İkinci Ağ");
    expect(both.events.map((e) => [e.summary, e.zone, e.start])).toEqual([
      ["Birinci Ağ: 25. Toplantı", "Europe/Istanbul", "2027-03-17T07:00:00.000Z"],
      ["İkinci Ağ: 1. Toplantı", "Europe/Berlin", "2027-06-02T08:00:00.000Z"],
    ]);

    fixture.emulator.leaveChat(second.group, first.member);
    await waitUntil(async () => (await prisma().member.findFirst({ where: { networkId: second.networkId, userId: BigInt(first.member.id) } }))?.leftAt != null);
    const after = readWithBoth((await get(url)).body);
    expect(after.name).toBe("Birinci Ağ");
    expect(after.events.map((e) => e.summary)).toEqual(["Birinci Ağ: 25. Toplantı"]);
  });

  it("a forgotten person's feed answers 404, and nothing of it is left", async () => {
    const { member } = await invitedNetwork("Unutma Ağı");
    const { url } = await calendarOf(member);
    expect((await get(url)).status).toBe(200);
    const question = await say(member, "private", "/forgetme");
    const confirm = question.reply_markup!.inline_keyboard!.flat()[0]!.callback_data!;
    await fixture.emulator.pressButton(member, member.id, question.message_id, confirm);
    await fixture.app.ortak.inFlight.drain();
    expect(await prisma().telegramUser.count({ where: { id: BigInt(member.id) } })).toBe(0);
    expect((await get(url)).status).toBe(404);
    expect(await prisma().calendarFeed.count({ where: { userId: BigInt(member.id) } })).toBe(0);
    expect(await prisma().calendarFeedState.count({ where: { feedKey: `user:${member.id}` } })).toBe(0);
  });

  it("/mydata says whether there is a feed and when it was last fetched", async () => {
    const { member } = await invitedNetwork("Veri Ağı");
    const caption = async () => {
      const { message } = fixture.emulator.sendText(member, "private", "/mydata");
      const file = await fixture.emulator.waitFor(() => fixture.emulator.botMessagesIn(member.id).find((m) => m.message_id > message.message_id && m.document));
      return { caption: file.caption!, json: JSON.parse(fixture.emulator.file(file.document!.file_id)!.toString("utf8")) as { calendarFeed: unknown } };
    };
    const before = await caption();
    expect(before.caption).toContain("Takvim aboneliğiniz yok.");
    expect(before.json.calendarFeed).toBeNull();
    const { url } = await calendarOf(member);
    expect((await caption()).caption).toContain("bağlantısı henüz hiç kullanılmadı");
    await get(url);
    const after = await caption();
    expect(after.caption).toContain("takvim uygulamanız bağlantıyı en son şu zamanda kullandı: 24 Kasım 2026 Salı, 12:0");
    expect(after.json.calendarFeed).toEqual({ createdAt: expect.any(String), lastFetchedAt: now.toISOString() });
    expect(JSON.stringify(after.json)).not.toContain(tokenOf(url));
  });
});

describe("/network_set public_calendar: a network feed without personal data", () => {
  it("on: organisers get its address privately; it holds no answers and no names; off: 404", async () => {
    // The group card shows the agenda as the organiser typed it; the public feed withholds members' names from it.
    fixture.emulator.privacy.allow("Ayşe Yılmaz sunum yapacak", "an agenda item as the organiser typed it, on the group's card");
    const { admin, member, group, networkId } = await invitedNetwork("Açık Ağ", { agenda: "Açılış; Ayşe Yılmaz sunum yapacak" });
    // Facilitators are named on the group's card; a public feed leaves them out.
    await say(admin, "private", "/meeting_edit 25 facilitators Nilgün Arslan; Sevgi Demir");
    await say(member, group, "/rsvp 25 evet");
    await say(admin, group, "/meeting_edit 25 online_link https://meet.example.org/kdm");

    const before = await prisma().auditEntry.count({ where: { networkId } });
    const refused = await say(member, group, "/network_set public_calendar yes");
    expect(refused.text).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect((await prisma().network.findUniqueOrThrow({ where: { id: networkId } })).publicCalendarToken).toBeNull();
    expect(await prisma().auditEntry.count({ where: { networkId } })).toBe(before);

    const adminDms = fixture.emulator.botMessagesIn(admin.id).length;
    const turnedOn = await say(admin, group, "/network_set public_calendar yes");
    expect(turnedOn.text).toBe("Herkese açık takvim açıldı.\nBağlantısını size özel mesajla gönderdim.");
    const privately = fixture.emulator.botMessagesIn(admin.id).slice(adminDms).find((m) => m.text?.includes("/calendar/network/"))!;
    const url = feedUrlIn(privately);
    expect(url).toMatch(/\/calendar\/network\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(fixture.emulator.botMessagesIn(group.id).some((m) => m.text?.includes("/calendar/network/"))).toBe(false);
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { networkId, action: "network.set.public_calendar" } });
    expect(audit.after).toEqual({ public_calendar: "yes" });
    expect(JSON.stringify([audit.subject, audit.before, audit.after])).not.toContain(tokenOf(url));
    expect((await say(admin, group, "/network_set public_calendar yes")).text).toMatch(/^Herkese açık takvim zaten açık\./);

    // /network: the address for organisers in private; in the group only a pointer; members see nothing of it.
    expect((await say(admin, "private", "/network")).text).toContain(url);
    const groupSettings = (await say(admin, group, "/network")).text!;
    expect(groupSettings).not.toContain("/calendar/");
    expect(groupSettings).toContain("Herkese açık takvim açık.");
    expect((await say(member, "private", "/network")).text).not.toContain("Herkese açık takvim");

    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const calendar = readWithBoth(response.body);
    expect(calendar.name).toBe("Açık Ağ");
    expect(calendar.events[0]).toMatchObject({ summary: "Açık Ağ: 25. Toplantı", start: "2027-03-17T07:00:00.000Z", location: "Buca1923 Mevlana Kafe" });
    expect(calendar.events[0]!.description).toBe("Gündem:\n1. Açılış\n2. (isim gizlendi) sunum yapacak");
    for (const person of [admin, member]) {
      for (const trace of [person.first_name, person.last_name, person.username].filter(Boolean)) expect(response.body.replace(/\r\n /g, "")).not.toContain(trace!);
    }
    for (const absent of ["Derya", "Ayşe", "Yılmaz", "Nilgün", "Kolaylaştırıcılar", "Yanıtınız", "Katılıyorum", "ATTENDEE", "ORGANIZER", "meet.example.org"]) expect(response.body).not.toContain(absent);
    // The same meeting as in the members' own feeds.
    const personal = readWithBoth((await get((await calendarOf(member)).url)).body);
    expect(calendar.events[0]!.uid).toBe(personal.events[0]!.uid);

    expect((await say(member, "private", "/network_set public_calendar no")).text).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect((await get(url)).status).toBe(200);
    expect((await say(admin, "private", "/network_set public_calendar no")).text).toBe("Herkese açık takvim kapatıldı; eski bağlantısı artık çalışmıyor.");
    expect((await get(url)).status).toBe(404);
    expect((await say(admin, "private", "/network")).text).toContain("Herkese açık takvim kapalı");
    expect((await say(admin, "private", "/network_set public_calendar belki")).text).toMatch(/^public_calendar için evet ya da hayır yazın/);
    // The card's last edits, paced three seconds after the ones before, go out here, where the
    // agenda's name is declared: not in the next test. Their jobs wait the three seconds in real time.
    const saved = now;
    now = new Date(now.getTime() + 4000);
    try {
      const pendingEdits = () => prisma().outboxMessage.count({ where: { networkId, kind: "card-edit", status: { in: ["scheduled", "sending"] } } });
      await vi.waitFor(async () => {
        await fixture.deliver();
        expect(await pendingEdits()).toBe(0);
      }, { timeout: 10_000, interval: 250 });
    } finally {
      now = saved;
    }
  });
});

describe("the feeds over HTTP", () => {
  it("an unknown, reset or malformed token gets the same 404; HEAD has the headers without the body; other methods 405", async () => {
    const { member } = await invitedNetwork("HTTP Ağı");
    const { url } = await calendarOf(member);
    const notFound = await Promise.all(
      [`/calendar/${"A".repeat(43)}.ics`, "/calendar/abc.ics", "/calendar/network/abc.ics", `/calendar/network/${tokenOf(url)}.ics`, "/calendar/", "/calendar/x/y.ics", `/calendar/${tokenOf(url).slice(0, 42)}.ics`].map((path) =>
        get(`${fixture.baseUrl}${path}`),
      ),
    );
    for (const response of notFound) {
      expect(response.status).toBe(404);
      expect(response.body).toBe("Not found\n");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }

    const full = await get(url);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(full.body)));
    expect(head.headers.get("etag")).toBe(full.headers.get("etag"));
    const post = await fetch(url, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    // The server's other routes are still there.
    expect((await get(`${fixture.baseUrl}/healthz`)).status).toBe(200);

    // No line the app logged holds a token or a feed's path.
    expect(fixture.logs()).not.toContain(tokenOf(url));
    expect(fixture.logs()).not.toMatch(/\/calendar\/[A-Za-z0-9_-]{20,}/);
  });

  it(`keeps at most ${FEED_EVENT_LIMIT} events, the newest`, async () => {
    const { member, networkId } = await invitedNetwork("Büyük Ağ");
    const extra = FEED_EVENT_LIMIT + 20;
    // All after meeting 25 (17 March 2027), which is then the oldest.
    const first = new Date("2027-04-01T07:00:00Z").getTime();
    await prisma().meeting.createMany({
      data: Array.from({ length: extra }, (_, i) => ({
        networkId,
        number: 100 + i,
        title: "Büyük Ağ",
        agenda: [`Madde ${i}`],
        startsAt: new Date(first + i * 86_400_000),
        endsAt: new Date(first + i * 86_400_000 + 3_600_000),
        status: "invited" as const,
        invitedAt: now,
      })),
    });
    const response = await get((await calendarOf(member)).url);
    const { events } = readWithBoth(response.body);
    expect(events).toHaveLength(FEED_EVENT_LIMIT);
    const numbers = events.map((e) => Number(/(\d+)\. Toplantı/.exec(e.summary)![1]));
    // Meeting 25 and the 20 earliest generated ones are cut; the newest stay, oldest first.
    expect(numbers[0]).toBe(100 + extra - FEED_EVENT_LIMIT);
    expect(numbers.at(-1)).toBe(100 + extra - 1);
    expect(numbers).not.toContain(25);
    expect(Buffer.byteLength(response.body)).toBeLessThan(2_000_000);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
