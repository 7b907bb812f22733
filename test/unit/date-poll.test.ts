import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { pollNudgeAt, readDeadlinePart, readPollDraft, suggestCandidate, tallyVotes, type CandidateTally, type VoteInput } from "../../src/domain/date-poll.ts";
import { voteData } from "../../src/features/polls/callbacks.ts";

const ZONE = "Europe/Istanbul";
// Tuesday 24 November 2026, 12:00 in İzmir.
const NOW = DateTime.fromISO("2026-11-24T12:00:00", { zone: ZONE });
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toISO();

const read = (text: string) => readPollDraft(text, ZONE, NOW);

describe("readPollDraft: /poll_dates <title> | <candidate> | … [| son: <date time>]", () => {
  it("reads the title, the candidates in date order whatever order they were written in, each as /meeting_new reads a date, and the deadline", () => {
    const draft = read(" Mart  toplantısı | 24.03.2027 14:00 | 17 Mart 2027 10:00 | 31 Mart 2027 Çarşamba, 10:00 | son: 10 Mart 2027 18:00");
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.value.title).toBe("Mart toplantısı");
    expect(draft.value.candidates.map((c) => c.toISO())).toEqual([local("2027-03-17T10:00"), local("2027-03-24T14:00"), local("2027-03-31T10:00")]);
    expect(draft.value.deadline?.toISO()).toBe(local("2027-03-10T18:00"));
  });

  it("needs no deadline", () => {
    const draft = read("Başlık | yarın 10:00 | haftaya salı 14:00");
    expect(draft.ok && draft.value.deadline).toBeUndefined();
    expect(draft.ok && draft.value.candidates.map((c) => c.toISO())).toEqual([local("2026-11-25T10:00"), local("2026-12-01T14:00")]);
  });

  it.each(["son: 1 Aralık 2026 18:00", "SON: 1 Aralık 2026 18:00", "Son : 1 Aralık 2026 18:00", "son yanıt: 1 Aralık 2026 18:00", "SON YANIT TARİHİ: 1 Aralık 2026 18:00", "deadline: 1 Aralık 2026 18:00", "DEADLINE: 1 Aralık 2026 18:00", "Deadlıne: 1 Aralık 2026 18:00", "son oylama tarihi: 1 Aralık 2026 18:00", "Son Oylama: 1 Aralık 2026 18:00", "son tarih: 1 Aralık 2026 18:00", "Son gün: 1 Aralık 2026 18:00", "son oylama günü: 1 Aralık 2026 18:00"])(
    "reads the deadline written as %j",
    (part) => {
      expect(readDeadlinePart(part)?.trim()).toBe("1 Aralık 2026 18:00");
      const draft = read(`Başlık | 2 Aralık 2026 10:00 | 3 Aralık 2026 10:00 | ${part}`);
      expect(draft.ok && draft.value.deadline?.toISO()).toBe(local("2026-12-01T18:00"));
    },
  );

  it("reads a deadline without a time as the end of that day", () => {
    const draft = read("Başlık | 2 Aralık 2026 10:00 | 3 Aralık 2026 10:00 | son: 1 Aralık");
    expect(draft.ok && draft.value.deadline?.toISO()).toBe(local("2026-12-01T23:59"));
    expect(read("Başlık | 2 Aralık 2026 10:00 | 3 Aralık 2026 10:00 | son: 23 Kasım 2026")).toEqual({ ok: false, problem: { kind: "deadline", problem: "past" } });
  });

  it.each([
    ["no parts at all", "Sadece başlık", { kind: "usage" }],
    ["an empty title", " | 17 Mart 2027 10:00 | 24 Mart 2027 10:00", { kind: "title", problem: { kind: "empty" } }],
    ["a title over a meeting title's limit", `${"a".repeat(201)} | 17 Mart 2027 10:00 | 24 Mart 2027 10:00`, { kind: "title", problem: { kind: "too-long", max: 200, length: 201 } }],
    ["one candidate", "Başlık | 17 Mart 2027 10:00", { kind: "too-few", count: 1 }],
    ["one candidate and a deadline", "Başlık | 17 Mart 2027 10:00 | son: 10 Mart 2027 10:00", { kind: "too-few", count: 1 }],
    ["seven candidates", `Başlık${" | 17 Mart 2027 10:00".repeat(7)}`, { kind: "too-many", count: 7 }],
    ["a candidate in the past, named", "Başlık | 17 Mart 2027 10:00 | 1 Kasım 2026 10:00", { kind: "candidate", position: 2, problem: "past" }],
    ["an unreadable candidate, named", "Başlık | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | bir ara", { kind: "candidate", position: 3, problem: "format" }],
    ["an empty candidate, named", "Başlık | 17 Mart 2027 10:00 |  | 24 Mart 2027 10:00", { kind: "candidate", position: 2, problem: "format" }],
    ["an impossible candidate", "Başlık | 31 Şubat 2027 10:00 | 24 Mart 2027 10:00", { kind: "candidate", position: 1, problem: "impossible-date" }],
    ["an ambiguous hour", "Başlık | 17 Mart 2027 10:00 | 24 Mart 2027 saat 2'de", { kind: "candidate", position: 2, problem: "ambiguous-time" }],
    ["two equal candidates written differently", "Başlık | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | 17.03.2027 10.00", { kind: "same-candidates", first: 1, second: 3 }],
    ["a deadline in the past", "Başlık | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | son: 1 Kasım 2026 10:00", { kind: "deadline", problem: "past" }],
    ["an unreadable deadline", "Başlık | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | son: yakında", { kind: "deadline", problem: "format" }],
    ["a deadline after the earliest candidate", "Başlık | 24 Mart 2027 10:00 | 17 Mart 2027 10:00 | son: 17 Mart 2027 10:01", { kind: "deadline-after-candidate" }],
    ["a deadline that is not the last part", "Başlık | son: 10 Mart 2027 10:00 | 17 Mart 2027 10:00 | 24 Mart 2027 10:00", { kind: "deadline-not-last" }],
  ])("refuses %s", (_what, text, problem) => {
    expect(read(text)).toEqual({ ok: false, problem });
  });

  it("refuses a deadline at the very time of the earliest candidate: that candidate could no longer be chosen", () => {
    expect(read("Başlık | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | son: 17 Mart 2027 10:00")).toEqual({ ok: false, problem: { kind: "deadline-after-candidate" } });
  });

  it("leaves out a \"|\" too many at the end", () => {
    const draft = read("Başlık | 17 Mart 2027 10:00 | 24 Mart 2027 10:00 | ");
    expect(draft.ok && draft.value.candidates.map((c) => c.toISO())).toEqual([local("2027-03-17T10:00"), local("2027-03-24T10:00")]);
  });
});

const candidates = [
  { position: 1, startsAt: new Date("2027-03-17T07:00:00Z") },
  { position: 2, startsAt: new Date("2027-03-24T07:00:00Z") },
  { position: 3, startsAt: new Date("2027-03-10T07:00:00Z") },
];
const vote = (position: number, memberId: number, organisationId: number | null, answer: VoteInput["answer"] = "yes"): VoteInput => ({ position, memberId, organisationId, answer });

describe("tallyVotes", () => {
  it("counts people per answer and the organisations with at least one member who can come; a member without an organisation is a person only", () => {
    const tallies = tallyVotes(candidates, [
      vote(1, 1, 10),
      vote(1, 2, 10),
      vote(1, 3, null),
      vote(1, 4, 20, "maybe"),
      vote(1, 5, 30, "no"),
      vote(2, 1, 10, "no"),
      vote(2, 4, 20),
      vote(2, 5, 30),
    ]);
    expect(tallies).toEqual([
      { position: 1, startsAt: candidates[0]!.startsAt, yes: 3, maybe: 1, no: 1, organisations: 1 },
      { position: 2, startsAt: candidates[1]!.startsAt, yes: 2, maybe: 0, no: 1, organisations: 2 },
      { position: 3, startsAt: candidates[2]!.startsAt, yes: 0, maybe: 0, no: 0, organisations: 0 },
    ]);
  });
});

const tally = (position: number, day: number, organisations: number, yes: number): CandidateTally => ({ position, startsAt: new Date(Date.UTC(2027, 2, day, 7)), yes, maybe: 0, no: 0, organisations });

describe("suggestCandidate: most organisations, then most people, then the earliest", () => {
  it("prefers more organisations over more people", () => {
    expect(suggestCandidate([tally(1, 17, 1, 9), tally(2, 24, 3, 3)])).toBe(2);
  });
  it("on equal organisations, prefers more people", () => {
    expect(suggestCandidate([tally(1, 17, 2, 2), tally(2, 24, 2, 5)])).toBe(2);
  });
  it("on equal organisations and people, prefers the earliest date, whatever its position", () => {
    expect(suggestCandidate([tally(1, 24, 2, 3), tally(2, 17, 2, 3), tally(3, 31, 2, 3)])).toBe(2);
  });
  it("counts yes only: people without an organisation make a candidate possible", () => {
    expect(suggestCandidate([tally(1, 17, 0, 0), tally(2, 24, 0, 1)])).toBe(2);
  });
  it("suggests nothing while nobody can come to any date", () => {
    expect(suggestCandidate([tally(1, 17, 0, 0), tally(2, 24, 0, 0)])).toBeUndefined();
  });
});

describe("pollNudgeAt: a day before the deadline, out of the quiet hours", () => {
  const quiet = { quietFrom: 21 * 60, quietUntil: 9 * 60 };
  const now = new Date("2026-11-24T09:00:00Z");
  it("is a day before the deadline when that is outside the quiet hours", () => {
    expect(pollNudgeAt(new Date("2026-12-01T15:00:00Z"), ZONE, quiet, now)).toEqual(new Date("2026-11-30T15:00:00Z"));
  });
  it("moves to the end of the quiet hours (09:00 İzmir) when a day before falls inside them", () => {
    // Deadline 2 December 23:00 in İzmir: a day before is 23:00, quiet; the morning after is 09:00 on 2 December.
    expect(pollNudgeAt(new Date("2026-12-02T20:00:00Z"), ZONE, quiet, now)).toEqual(new Date("2026-12-02T06:00:00Z"));
  });
  it("is exactly a day before when the network has no quiet hours", () => {
    expect(pollNudgeAt(new Date("2026-12-02T20:00:00Z"), ZONE, { quietFrom: 0, quietUntil: 0 }, now)).toEqual(new Date("2026-12-01T20:00:00Z"));
  });
  it("is none without a deadline, or with a deadline less than a day away", () => {
    expect(pollNudgeAt(undefined, ZONE, quiet, now)).toBeUndefined();
    expect(pollNudgeAt(new Date("2026-11-25T08:59:00Z"), ZONE, quiet, now)).toBeUndefined();
    expect(pollNudgeAt(new Date("2026-11-25T09:01:00Z"), ZONE, quiet, now)).toEqual(new Date("2026-11-24T09:01:00Z"));
  });
});

describe("vote buttons' data", () => {
  it("is read back as built, within Telegram's 64 bytes for the largest ids", () => {
    const button = { pollId: 999_999_999, position: 6, answer: "maybe" } as const;
    const data = voteData.build(button);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(voteData.read(data)).toEqual(button);
    expect(voteData.read(voteData.build({ pollId: 7, position: 1, answer: "no" }))).toEqual({ pollId: 7, position: 1, answer: "no" });
  });
  it.each(["poll:1:1:x", "poll:1:0:y", "poll:1:10:y", "poll:a:1:y", "poll:1:1:y:extra", "poll:1234567890:1:y", "rsvp:1:y", "poll:-1:1:y"])("refuses %j", (data) => {
    expect(voteData.read(data)).toBeUndefined();
  });
});
