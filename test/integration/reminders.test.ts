import { describe, expect, it } from "vitest";
import { useJobsByHand } from "../support/jobs-by-hand.ts";
import { invitedMeeting as invitedMeetingOf } from "../support/invited-meeting.ts";
import { Redis } from "ioredis";
import { ApiError, tooManyRequests, type EmulatedUser } from "../../emulator/index.ts";
import { deliveryJobId } from "../../jobs/outbox.ts";
import { MAX_ATTEMPTS } from "../../src/outbox/delivery.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00.
const { scenario, moveClockTo, runDueJobs, delivery } = useJobsByHand("2026-11-24T09:00:00Z");
const { say, network } = scenario;

async function invitedMeeting(name: string) {
  moveClockTo("2026-11-24T09:00:00Z");
  return invitedMeetingOf(scenario, name);
}

const REMINDERS = { dedupeKey: { startsWith: "reminder:" } };
const ledger = (meetingId: number) =>
  scenario.db.prisma.outboxMessage.findMany({ where: { meetingId, ...REMINDERS }, orderBy: [{ notBefore: "asc" }, { kind: "asc" }, { audience: "asc" }] });
const rowById = (id: number) => scenario.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
const jobOf = (row: { id: number; notBefore: Date }) => scenario.queue.getJob(deliveryJobId(row));
const payloadOf = (row: { id: number; notBefore: Date }) => ({ id: row.id, notBefore: row.notBefore.getTime() });

async function jobsOf(meetingId: number) {
  const rows = await ledger(meetingId);
  const jobs = await Promise.all(rows.map((r) => jobOf(r)));
  return rows.map((r, i) => ({ status: r.status, fireAt: r.notBefore.toISOString(), job: jobs[i] ? jobs[i]!.timestamp + jobs[i]!.opts.delay! : null }));
}

const dmsTo = (user: EmulatedUser, prefix: string) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith(prefix));

describe("planning", () => {
  it("/invite plans the ledger; each row gets one job at its time once it comes within the reconcile's window; planning again changes nothing", async () => {
    const { meeting } = await invitedMeeting("Plan Ağı");
    const rows = await ledger(meeting.id);
    expect(rows.map((r) => `${r.kind}/${r.offsetMinutes} ${r.notBefore.toISOString()}`)).toEqual([
      "before/10080 2027-03-10T07:00:00.000Z",
      "before/10080 2027-03-10T07:00:00.000Z",
      // Owners of earlier meetings' open tasks are asked 7 days before; the organiser reads the answers 3 days before.
      "task-checkins/10080 2027-03-10T07:00:00.000Z",
      "group-silent/0 2027-03-12T07:00:00.000Z",
      "nudge/0 2027-03-12T07:00:00.000Z",
      "nudge/0 2027-03-12T07:00:00.000Z",
      "task-summary/4320 2027-03-14T07:00:00.000Z",
      "before/1440 2027-03-16T07:00:00.000Z",
      "before/1440 2027-03-16T07:00:00.000Z",
      "group-summary/0 2027-03-16T07:00:00.000Z",
      "organiser-eve/0 2027-03-16T07:00:00.000Z",
      "before/120 2027-03-17T06:00:00.000Z",
      "before/120 2027-03-17T06:00:00.000Z",
      "checkin-card/0 2027-03-17T07:00:00.000Z",
    ]);
    // Months ahead: Redis holds none of them yet.
    expect((await jobsOf(meeting.id)).every((j) => j.status === "scheduled" && j.job === null)).toBe(true);
    await scenario.running.services.reminders.plan(meeting.id);
    await scenario.running.services.reminders.plan(meeting.id);
    expect(await ledger(meeting.id)).toEqual(rows);
    // A minute before each time, the reconcile (which looks two minutes ahead) has given that row its job, at its time.
    for (const at of [...new Set(rows.map((r) => r.notBefore.getTime()))]) {
      moveClockTo(new Date(at - 60_000).toISOString());
      await scenario.running.reconciler.reconcile();
      const due = (await jobsOf(meeting.id)).filter((j) => new Date(j.fireAt).getTime() === at);
      expect(due.every((j) => j.job === at)).toBe(true);
      const counts = await scenario.queue.getJobCounts("delayed");
      await scenario.running.reconciler.reconcile();
      await scenario.running.services.reminders.plan(meeting.id);
      expect(await scenario.queue.getJobCounts("delayed")).toEqual(counts);
    }
  });

  it("/reschedule moves the jobs and drops what is now past; /cancel withdraws them all", async () => {
    const { admin, group, meeting } = await invitedMeeting("Taşınan Ağ");
    const before = await ledger(meeting.id);
    moveClockTo("2027-03-08T09:00:00Z");
    await say(admin, group, "/reschedule 25 11 Mart 2027 10:00");
    const after = await ledger(meeting.id);
    // 7 days before 11 March is already past: those rows are withdrawn, not fired late.
    expect(after.filter((r) => r.status === "scheduled").map((r) => `${r.kind}/${r.offsetMinutes} ${r.notBefore.toISOString()}`)).toEqual([
      "before/1440 2027-03-10T07:00:00.000Z",
      "before/1440 2027-03-10T07:00:00.000Z",
      "group-summary/0 2027-03-10T07:00:00.000Z",
      "organiser-eve/0 2027-03-10T07:00:00.000Z",
      "before/120 2027-03-11T06:00:00.000Z",
      "before/120 2027-03-11T06:00:00.000Z",
      "checkin-card/0 2027-03-11T07:00:00.000Z",
    ]);
    // The 7-day reminders and nudges, and the task check-in and summary (now past, or too late to ask).
    expect(after.filter((r) => r.status === "cancelled").length).toBe(7);
    for (const old of before) expect(await jobOf(old)).toBeUndefined();
    // The first of the moved rows comes within the reconcile's window: its job is at its new time.
    moveClockTo("2027-03-10T06:59:00Z");
    await scenario.running.reconciler.reconcile();
    const first = after.filter((r) => r.status === "scheduled" && r.notBefore.toISOString() === "2027-03-10T07:00:00.000Z");
    for (const row of first) expect((await jobOf(row))?.data).toEqual(payloadOf(row));
    await scenario.cancelMeeting(admin, group, "25");
    const cancelled = await ledger(meeting.id);
    expect(cancelled.every((r) => r.status === "cancelled")).toBe(true);
    for (const row of cancelled) expect(await jobOf(row)).toBeUndefined();
  });

  it("after Redis lost everything while running, the reconcile restores each reminder's job as it comes due", async () => {
    const { meeting } = await invitedMeeting("Kayıp Redis Ağı");
    const rows = await ledger(meeting.id);
    const redis = new Redis({ path: scenario.redisPath });
    await redis.flushall();
    await redis.quit();
    expect(await jobOf(rows[0]!)).toBeUndefined();
    // Far ahead: nothing to restore yet (the reconcile looks two intervals ahead).
    expect((await scenario.running.reconciler.reconcile()).repaired).toBe(0);
    moveClockTo("2027-03-10T06:59:00Z");
    const first = rows.filter((r) => r.notBefore.toISOString() === "2027-03-10T07:00:00.000Z");
    // (Earlier tests' meetings in this file have reminders at the same time.)
    expect((await scenario.running.reconciler.reconcile()).repaired).toBeGreaterThanOrEqual(first.length);
    for (const row of first) expect((await jobOf(row))?.data).toEqual(payloadOf(row));
    // Running it again (another process, the next minute) adds nothing.
    expect((await scenario.running.reconciler.reconcile()).repaired).toBe(0);
  });
});

describe("delivery", () => {
  it("sends in the recipient's language only to those it concerns, once, and the group gets its summary", async () => {
    const { admin, member, group, meeting } = await invitedMeeting("Gönderim Ağı");
    await say(admin, "private", "/lang en");
    await say(member, group, "/rsvp 25 evet 2");
    await scenario.db.prisma.outboxMessage.deleteMany({ where: { meetingId: meeting.id, ...REMINDERS, NOT: { kind: "before", offsetMinutes: 10080 } } });
    moveClockTo("2027-03-10T07:00:01Z");
    await runDueJobs();
    expect(dmsTo(member, "⏰")).toHaveLength(1);
    expect(dmsTo(member, "⏰")[0]!.text).toBe("⏰ Hatırlatma: 25. toplantı\nTarih: 17 Mart 2027 Çarşamba, 10:00–15:00\nYer: Buca1923\nYanıtınız: katılıyorsunuz (2 kişi)");
    // The organiser never answered: no "before" reminder for them.
    expect(dmsTo(admin, "⏰")).toHaveLength(0);
    const rows = await ledger(meeting.id);
    expect(rows.map((r) => `${r.audience.startsWith("member") ? "member" : "chat"} ${r.status} ${r.reason ?? ""}`).sort()).toEqual(["member sent ", "member skipped not attending"]);
    // Running the same jobs again (a duplicate delivery) sends nothing more.
    for (const row of rows) await delivery.deliver(payloadOf(row));
    expect(dmsTo(member, "⏰")).toHaveLength(1);
  });

  it("someone who joins after the meeting was planned gets its reminders, by writing in the group or by the join link", async () => {
    const { member, group, meeting, code } = await invitedMeeting("Yeni Üye Ağı");
    const writer = scenario.emulator.createUser({ first_name: "Elif", language_code: "tr" });
    const linker = scenario.emulator.createUser({ first_name: "Seda", language_code: "tr" });
    scenario.emulator.setMember(group, writer, "member");
    await say(writer, "private", "/start");
    const memberIdOf = async (user: EmulatedUser) => (await scenario.db.prisma.member.findFirstOrThrow({ where: { userId: BigInt(user.id), network: { joinCode: code } } })).id;
    const beforeRowsOf = async (memberId: number) =>
      (await ledger(meeting.id)).filter((r) => r.kind === "before" && r.audience === `member:${memberId}`).map((r) => `${r.offsetMinutes} ${r.notBefore.toISOString()}`);
    // Writing in the linked group makes a member; so does the join link (t.me/<bot>?start=join_<code>).
    await say(writer, group, "/rsvp 25 evet");
    await say(linker, "private", `/start join_${code}`);
    await say(linker, "private", "/rsvp 25 evet");
    await scenario.running.services.arrivals.idle();
    const expected = ["10080 2027-03-10T07:00:00.000Z", "1440 2027-03-16T07:00:00.000Z", "120 2027-03-17T06:00:00.000Z"];
    expect(await beforeRowsOf(await memberIdOf(writer))).toEqual(expected);
    expect(await beforeRowsOf(await memberIdOf(linker))).toEqual(expected);
    // The members who were there keep exactly their rows.
    expect(await beforeRowsOf(await memberIdOf(member))).toEqual(expected);
    moveClockTo("2027-03-10T07:00:01Z");
    await runDueJobs();
    for (const user of [writer, linker]) expect(dmsTo(user, "⏰ Hatırlatma: 25. toplantı")).toHaveLength(1);
  });

  it("a group linked after the meeting was planned gets its summary the day before and the check-in card", async () => {
    const { admin, meeting, code } = await invitedMeeting("Yeni Grup Ağı");
    const second = scenario.emulator.createGroup({ title: "Yeni Grup Ağı — Karşıyaka", members: [{ user: admin, status: "creator" }] });
    const chatRowsOf = async (chatId: number) => (await ledger(meeting.id)).filter((r) => r.audience === `chat:${chatId}:0`).map((r) => `${r.kind} ${r.notBefore.toISOString()}`);
    expect(await chatRowsOf(second.id)).toEqual([]);
    await say(admin, second, `/link ${code}`);
    await scenario.running.services.arrivals.idle();
    expect(await chatRowsOf(second.id)).toEqual(["group-silent 2027-03-12T07:00:00.000Z", "group-summary 2027-03-16T07:00:00.000Z", "checkin-card 2027-03-17T07:00:00.000Z"]);
  });

  it("a stale job, a member who changed to 'no', a blocked member, and a 429 each do the right thing", async () => {
    const { admin, member, group, meeting } = await invitedMeeting("Zor Gönderim Ağı");
    await say(member, group, "/rsvp 25 evet");
    await say(admin, group, "/rsvp 25 evet");
    const rows = (await ledger(meeting.id)).filter((r) => r.kind === "before" && r.offsetMinutes === 10080);
    const memberId = (await scenario.db.prisma.member.findFirstOrThrow({ where: { userId: BigInt(member.id), networkId: meeting.networkId } })).id;
    const memberRow = rows.find((r) => r.audience === `member:${memberId}`)!;
    const adminRow = rows.find((r) => r.id !== memberRow.id)!;
    moveClockTo("2027-03-10T07:00:01Z");
    // A job made for another time finds nothing to do.
    expect(await delivery.deliver({ id: memberRow.id, notBefore: memberRow.notBefore.getTime() - 60_000 })).toBe("not-mine");
    expect(dmsTo(member, "⏰")).toHaveLength(0);
    // Telegram says wait: the row goes back in line after retry_after, without using an attempt.
    scenario.emulator.failNext("sendMessage", tooManyRequests(7), member.id);
    expect(await delivery.deliver(payloadOf(memberRow))).toBe("later");
    const waiting = await rowById(memberRow.id);
    expect(waiting).toMatchObject({ status: "scheduled", attempts: 0, notBefore: new Date(Date.parse("2027-03-10T07:00:08Z")) });
    expect(await jobOf(waiting)).toBeDefined();
    // The organiser blocked the bot: 403, skipped and marked unreachable, not retried.
    scenario.emulator.blockBot(admin);
    expect(await delivery.deliver(payloadOf(adminRow))).toBe("skipped");
    expect(await rowById(adminRow.id)).toMatchObject({ status: "skipped", reason: "unreachable" });
    // Changed to "no" before it went out: skipped, nothing sent.
    await say(member, group, "/rsvp 25 hayır");
    moveClockTo("2027-03-10T07:00:09Z");
    await delivery.deliver(payloadOf(waiting));
    expect(await rowById(memberRow.id)).toMatchObject({ status: "skipped", reason: "not attending" });
    expect((await scenario.db.prisma.telegramUser.findUniqueOrThrow({ where: { id: BigInt(admin.id) } })).dmReachable).toBe(false);
    expect(dmsTo(member, "⏰")).toHaveLength(0);
  });

  it("a worker that died mid-send: the claimed reminder goes out again after a while, the others once", async () => {
    const { member, group, meeting } = await invitedMeeting("Çöken İşçi Ağı");
    await say(member, group, "/rsvp 25 evet");
    const memberId = (await scenario.db.prisma.member.findFirstOrThrow({ where: { userId: BigInt(member.id), networkId: meeting.networkId } })).id;
    const row = (await ledger(meeting.id)).find((r) => r.kind === "before" && r.offsetMinutes === 10080 && r.audience === `member:${memberId}`);
    moveClockTo("2027-03-10T07:00:01Z");
    // Claimed, then the process died before sending.
    await scenario.db.prisma.outboxMessage.update({ where: { id: row!.id }, data: { status: "sending", claimedAt: new Date() } });
    expect(await delivery.deliver(payloadOf(row!))).toBe("not-mine");
    expect((await rowById(row!.id)).status).toBe("sending");
    moveClockTo("2027-03-10T07:05:00Z");
    const result = await scenario.running.reconciler.reconcile();
    expect(result.reclaimed).toBe(1);
    await runDueJobs();
    const sent = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "before", offsetMinutes: 10080, status: "sent" } });
    expect(sent.map((r) => r.id)).toEqual([row!.id]);
    expect(dmsTo(member, "⏰")).toHaveLength(1);
  });

  it("reminders missed by more than the grace period (the bot was down) are skipped, not sent late", async () => {
    const { member, group, meeting } = await invitedMeeting("Geç Kalan Ağ");
    await say(member, group, "/rsvp 25 evet");
    moveClockTo("2027-03-10T08:00:00Z");
    await runDueJobs();
    const rows = (await ledger(meeting.id)).filter((r) => r.kind === "before" && r.offsetMinutes === 10080);
    expect(rows.map((r) => `${r.status} ${r.reason}`)).toEqual(["skipped missed while the bot was down", "skipped missed while the bot was down"]);
    expect(dmsTo(member, "⏰")).toHaveLength(0);
  });
});

describe("never twice, and failures reported once", () => {
  it("two workers delivering the same reminder at once send it once", async () => {
    const { member, group, meeting } = await invitedMeeting("İki İşçi Ağı");
    await say(member, group, "/rsvp 25 evet");
    const memberId = (await scenario.db.prisma.member.findFirstOrThrow({ where: { userId: BigInt(member.id), networkId: meeting.networkId } })).id;
    const row = (await ledger(meeting.id)).find((r) => r.kind === "before" && r.offsetMinutes === 10080 && r.audience === `member:${memberId}`)!;
    moveClockTo("2027-03-10T07:00:01Z");
    const payload = payloadOf(row);
    await Promise.all([delivery.deliver(payload), delivery.deliver(payload), delivery.deliver(payload)]);
    expect(dmsTo(member, "⏰")).toHaveLength(1);
  });

  it("a reminder that failed every attempt is marked failed and the organisers hear it once", async () => {
    const { admin, member, meeting } = await invitedMeeting("Başarısız Ağ");
    await say(member, "private", "/rsvp 25 evet");
    await say(admin, "private", "/rsvp 25 evet");
    const rows = (await ledger(meeting.id)).filter((r) => r.kind === "before" && r.offsetMinutes === 10080);
    moveClockTo("2027-03-10T07:00:01Z");
    const badGateway = () => new ApiError(502, "Bad Gateway");
    // Each transient failure puts the row back with a growing pause (5 s, 10 s, … at most 5 minutes), ten tries in all.
    let row = rows[0]!;
    const pauses: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      scenario.emulator.failNext("sendMessage", badGateway());
      expect(await delivery.deliver(payloadOf(row))).toBe(attempt < MAX_ATTEMPTS ? "later" : "failed");
      const next = await rowById(row.id);
      if (attempt < MAX_ATTEMPTS) pauses.push((next.notBefore.getTime() - Date.now()) / 1000);
      row = next;
    }
    expect(pauses).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300]);
    expect(row).toMatchObject({ status: "failed", reason: "Bad Gateway", attempts: MAX_ATTEMPTS });
    // A second reminder of the meeting fails for good too: the organisers are not told again.
    await scenario.db.prisma.outboxMessage.update({ where: { id: rows[1]!.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    scenario.emulator.failNext("sendMessage", badGateway());
    expect(await delivery.deliver(payloadOf(rows[1]!))).toBe("failed");
    await runDueJobs();
    expect(dmsTo(admin, "⚠️").map((m) => m.text)).toEqual(["⚠️ 25. toplantının bir hatırlatması birkaç denemeye rağmen gönderilemedi. Ayrıntılar için /reminders 25 yazın."]);
  });

  it("someone who joined after /invite is planned for at the next start", async () => {
    const { group, meeting } = await invitedMeeting("Sonradan Katılan Ağ");
    const before = (await ledger(meeting.id)).length;
    const late = scenario.emulator.createUser({ first_name: "Nur", language_code: "tr" });
    scenario.emulator.setMember(group, late, "member");
    await say(late, group, "/whoami");
    await scenario.running.services.reminders.replanAhead();
    // Three "before" reminders and a nudge for the newcomer.
    expect((await ledger(meeting.id)).length).toBe(before + 4);
  });

  it("at a start, a meeting already in line is left alone and one whose rows drifted is planned again", async () => {
    const { meeting } = await invitedMeeting("Yeniden Başlayan Ağ");
    const { services } = scenario.running;
    // Every meeting ahead (those of earlier tests too) is in line after one pass.
    await services.reminders.replanAhead();
    const inLine = await ledger(meeting.id);
    expect(await services.reminders.replanAhead()).toBe(0);
    expect(await ledger(meeting.id)).toEqual(inLine);
    // A row withdrawn behind the planner's back, another moved: the next start restores both.
    const [withdrawn, moved] = inLine.filter((row) => row.status === "scheduled" && row.kind === "before");
    await scenario.db.prisma.outboxMessage.update({ where: { id: withdrawn!.id }, data: { status: "cancelled" } });
    await scenario.db.prisma.outboxMessage.update({ where: { id: moved!.id }, data: { notBefore: new Date(moved!.notBefore.getTime() + 60_000) } });
    expect(await services.reminders.replanAhead()).toBe(1);
    const restored = await ledger(meeting.id);
    expect(restored.find((row) => row.id === withdrawn!.id)).toMatchObject({ status: "scheduled", notBefore: withdrawn!.notBefore });
    expect(restored.find((row) => row.id === moved!.id)).toMatchObject({ status: "scheduled", notBefore: moved!.notBefore });
    expect(await services.reminders.replanAhead()).toBe(0);
  });
});

describe("/reminders and /reminders_set", () => {
  it("shows and sets the policy for the network and for one meeting; refuses what it cannot read", async () => {
    const { admin, member, group, meeting } = await invitedMeeting("Düzen Ağı");
    // Each offset carries its own "önce": "7 gün, 1 gün ve 2 saat önce" would read as one duration.
    expect(await say(admin, group, "/reminders")).toBe(
      "Hatırlatma düzeni: katılacağını ya da belki katılacağını bildirenlere özel mesajla, toplantıdan 7 gün önce, 1 gün önce ve 2 saat önce.\n" +
        "Gruplara toplantıdan bir gün önce bir özet; yanıt vermeyenlere son yanıt tarihinden iki gün önce (son yanıt tarihi yoksa toplantıdan beş gün önce) bir hatırlatma; koordinatörlere yanıtlar kapanınca bir özet gönderilir.\n" +
        "Sessiz saatler: 21:00–09:00 (bu saatlerde özel mesaj gönderilmez; mesajlar sessiz saatler bitince iletilir).",
    );
    const planned = await say(admin, group, "/reminders 25");
    expect(planned).toMatch(/^25\. toplantının hatırlatmaları \(toplantıdan 7 gün önce, 1 gün önce ve 2 saat önce\)\n/);
    expect(planned).toContain("10 Mart 2027 Çarşamba, 10:00 — 7 gün önce hatırlatma: 2 planlandı");
    expect(await say(admin, group, "/reminders_set 25 3g 30dk")).toBe("25. toplantının hatırlatmaları bundan sonra toplantıdan 3 gün önce ve 30 dakika önce gönderilecek; yeniden planlandı.");
    const before = (await ledger(meeting.id)).filter((r) => r.kind === "before" && r.status === "scheduled");
    expect([...new Set(before.map((r) => r.offsetMinutes))]).toEqual([4320, 30]);
    const count = await scenario.db.prisma.outboxMessage.count();
    for (const bad of ["/reminders_set", "/reminders_set yarın", "/reminders_set 25 0m", "/reminders_set 25 90g"]) {
      expect(await say(admin, group, bad)).toMatch(/^Kullanım: \/reminders_set/);
    }
    expect(await say(admin, group, "/reminders_set 99 1g")).toBe("Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın.");
    expect(await say(member, group, "/reminders_set 1g")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await scenario.db.prisma.outboxMessage.count()).toBe(count);
    expect(await say(admin, group, "/reminders_set 5g 1g")).toBe("Hatırlatma düzeni güncellendi: toplantıdan 5 gün önce ve 1 gün önce. 1 toplantının hatırlatmaları yeniden planlandı.");
    // Without quiet hours the policy says so in words, not with a dash.
    await say(admin, group, "/network_set quiet_hours yok");
    const policy = await say(admin, group, "/reminders");
    expect(policy).toContain("\nSessiz saat tanımlanmadı; özel mesajlar günün her saatinde gönderilebilir.");
    expect(policy).not.toContain("—");
  });
});
