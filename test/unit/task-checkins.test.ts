import { beforeAll, describe, expect, it } from "vitest";
import { Translator } from "../../src/bot/i18n.ts";
import { DEFAULT_POLICY, planTaskFallback, planTaskFollowUp } from "../../src/domain/reminders.ts";
import type { ActionItem } from "../../src/features/actions/service.ts";
import { checkInData } from "../../src/features/checkins/callbacks.ts";
import { checkShortReason } from "../../src/domain/short-reason.ts";
import { byOrganisation } from "../../src/features/checkins/status.ts";
import { checkInMessage, summaryLines } from "../../src/features/checkins/view.ts";

const ZONE = "Europe/Istanbul";
const local = (d: Date | undefined) => d?.toLocaleString("sv-SE", { timeZone: ZONE }).slice(0, 16);

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.load();
});

describe("when tasks are followed up", () => {
  const now = new Date("2027-03-01T09:00:00Z");
  it("asks seven days before and sums up three days before, out of quiet hours", () => {
    // Wednesday 14 April 2027, 10:00 in İzmir.
    const plan = planTaskFollowUp({ startsAt: new Date("2027-04-14T07:00:00Z"), zone: ZONE, policy: DEFAULT_POLICY, organisers: [4, 9], now });
    expect(local(plan.checkInsAt)).toBe("2027-04-07 10:00");
    expect(plan.summaries.map((s) => `${s.memberId} ${local(s.fireAt)}`)).toEqual(["4 2027-04-11 10:00", "9 2027-04-11 10:00"]);
    // An 08:00 meeting: 08:00 is inside the quiet hours (21:00–09:00), so both move to 09:00.
    const early = planTaskFollowUp({ startsAt: new Date("2027-04-14T05:00:00Z"), zone: ZONE, policy: DEFAULT_POLICY, organisers: [4], now });
    expect([local(early.checkInsAt), local(early.summaries[0]?.fireAt)]).toEqual(["2027-04-07 09:00", "2027-04-11 09:00"]);
  });

  it("leaves out what is past", () => {
    const plan = planTaskFollowUp({ startsAt: new Date("2027-03-06T07:00:00Z"), zone: ZONE, policy: DEFAULT_POLICY, organisers: [4], now });
    expect(plan.checkInsAt).toBeUndefined();
    expect(plan.summaries.map((s) => local(s.fireAt))).toEqual(["2027-03-03 10:00"]);
  });

  it("without a next meeting: 30 days after the task's meeting, in the morning, after the quiet hours", () => {
    const meeting = new Date("2027-03-17T07:00:00Z");
    expect(local(planTaskFallback(meeting, ZONE, DEFAULT_POLICY, now))).toBe("2027-04-16 09:00");
    expect(local(planTaskFallback(meeting, ZONE, { quietFrom: 21 * 60, quietUntil: 10 * 60 }, now))).toBe("2027-04-16 10:00");
    expect(planTaskFallback(meeting, ZONE, DEFAULT_POLICY, new Date("2027-04-16T07:00:00Z"))).toBeUndefined();
  });
});

describe("check-in input", () => {
  it("reads only its own buttons", () => {
    expect(checkInData.read(checkInData.build({ entryId: 17, answer: "blocked" }))).toEqual({ entryId: 17, answer: "blocked" });
    for (const forged of ["tck:17:x", "tck:-1:d", "tck:17:d:1", "tck:1234567890:d", "done:17", "tck:17"]) expect(checkInData.read(forged)).toBeUndefined();
  });

  it("takes one line of reason of at most 200 characters; nothing but punctuation is empty", () => {
    expect(checkShortReason("  Salon\n kapalı  ", 200)).toEqual({ kind: "ok", reason: "Salon kapalı" });
    expect(checkShortReason("…", 200)).toEqual({ kind: "empty" });
    expect(checkShortReason(" - ", 200)).toEqual({ kind: "empty" });
    expect(checkShortReason("ş".repeat(200), 200)).toEqual({ kind: "ok", reason: "ş".repeat(200) });
    expect(checkShortReason("ş".repeat(201), 200)).toEqual({ kind: "too-long", length: 201 });
  });
});

const item = (id: number, overrides: Partial<ActionItem> = {}): ActionItem => ({
  id,
  meetingId: 1,
  meetingNumber: 25,
  text: `Görev ${id}`,
  ownerUsername: null,
  ownerOrganisation: "Buca",
  dueDate: "2027-04-15",
  doneAt: null,
  status: "open",
  blockedReason: null,
  organisation: "Buca",
  ...overrides,
});

describe("check-in texts", () => {
  it("groups by organisation alphabetically (Turkish order), tasks without one last", () => {
    const groups = byOrganisation([item(1, { organisation: "Karşıyaka" }), item(2, { organisation: null }), item(3, { organisation: "Çiğli" }), item(4, { organisation: "Buca" })]);
    expect(groups.map((g) => [g.organisation, g.items.map((i) => i.id)])).toEqual([
      ["Buca", [4]],
      ["Çiğli", [3]],
      ["Karşıyaka", [1]],
      [null, [2]],
    ]);
  });

  it("escapes what people typed, and a done task has no buttons", () => {
    const r = translator.reader("tr");
    const open = checkInMessage(r, { item: item(5, { text: "<b>Rapor</b> & ek" }), organisation: "Buca & Co", target: { number: 26, when: "14 Nisan" } });
    expect(open.text).toContain("&lt;b&gt;Rapor&lt;/b&gt; &amp; ek");
    expect(open.text).toContain("kurumunuza (Buca &amp; Co)");
    expect(open.keyboard?.inline_keyboard[0]?.map((b) => "callback_data" in b && b.callback_data)).toEqual(["tck:5:d", "tck:5:p", "tck:5:b"]);
    const blocked = checkInMessage(r, { item: item(5, { status: "blocked", blockedReason: "<i>yok</i>" }), organisation: null });
    expect(blocked.text).toContain("Son bildirilen durum: ⛔ Engel var: &lt;i&gt;yok&lt;/i&gt;");
    expect(checkInMessage(r, { item: item(5, { status: "done" }), organisation: null }).keyboard).toBeUndefined();
  });

  it("the organisers' summary sorts each organisation's tasks into done, in progress, blocked and no answer", () => {
    const r = translator.reader("tr");
    const lines = summaryLines(r, { number: 26, when: "14 Nisan" }, [
      { item: item(1, { status: "done" }), answered: true },
      { item: item(2, { status: "blocked", blockedReason: "salon <yok>" }), answered: true },
      // Answered before an earlier meeting, not since: no answer, with what it said then.
      { item: item(3, { status: "in_progress", organisation: "Karşıyaka" }), answered: false },
    ]);
    expect(lines.join("\n")).toContain("Toplam: 1 tamamlandı · 0 sürüyor · 1 engel var · 1 yanıt yok");
    expect(lines.join("\n")).toContain("<b>Buca</b>\n✅ Tamamlandı (1)\n• Görev 1 — Buca, son tarih: 15 Nisan 2027 (#1) [25. toplantı]\n⛔ Engel var (1)\n• Görev 2 — Buca, son tarih: 15 Nisan 2027 (#2) [25. toplantı]: salon &lt;yok&gt;");
    expect(lines.join("\n")).toContain("<b>Karşıyaka</b>\n❔ Yanıt yok (1)\n• Görev 3 — Buca, son tarih: 15 Nisan 2027 (#3) [25. toplantı] (son bildirilen: ⏳ Sürüyor)");
  });
});
