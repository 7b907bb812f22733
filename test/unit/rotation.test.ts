import { describe, expect, it } from "vitest";
import { nextHost, rotationQueue, type RotationMember, type TurnRecord } from "../../src/domain/rotation.ts";

// Five organisations in rotation order; Bornova cannot host.
const ORGS: RotationMember[] = [
  { id: 1, position: 1, canHost: true }, // Buca
  { id: 2, position: 2, canHost: true }, // Karşıyaka
  { id: 3, position: 3, canHost: false }, // Bornova
  { id: 4, position: 4, canHost: true }, // Konak
  { id: 5, position: 5, canHost: true }, // Çiğli
];
const NAMES: Record<number, string> = { 1: "Buca", 2: "Karşıyaka", 3: "Bornova", 4: "Konak", 5: "Çiğli" };

type Step = "accept" | "decline" | "expire" | "skip" | { swapWith: string };

/**
 * Runs meetings 25, 26, … : for each, the script says what each proposed organisation does
 * (default: accept). Returns who hosted each meeting.
 */
function simulate(script: Record<number, Step[]>, meetings = 12, history: TurnRecord[] = [{ organisationId: 1, meetingNumber: 24, status: "accepted" }]): string[] {
  const records = [...history];
  const hosts: string[] = [];
  for (let n = 25; n < 25 + meetings; n++) {
    const steps = [...(script[n] ?? [])];
    for (;;) {
      const candidate = nextHost(ORGS, records, n);
      if (!candidate) {
        hosts.push("—");
        break;
      }
      const step = steps.shift() ?? "accept";
      if (step === "accept") {
        records.push({ organisationId: candidate.id, meetingNumber: n, status: "accepted" });
        hosts.push(NAMES[candidate.id]!);
        break;
      }
      if (typeof step === "object") {
        const other = Number(Object.entries(NAMES).find(([, name]) => name === step.swapWith)![0]);
        records.push({ organisationId: candidate.id, meetingNumber: n, status: "swapped" });
        records.push({ organisationId: other, meetingNumber: n, status: "accepted" });
        hosts.push(`${NAMES[other]} (swap)`);
        break;
      }
      records.push({ organisationId: candidate.id, meetingNumber: n, status: step === "decline" ? "declined" : step === "expire" ? "expired" : "skipped" });
    }
  }
  return hosts;
}

describe("rotation fairness", () => {
  it("two meetings planned back to back: the second is not offered to the organisation still deciding on the first; if that one declines, it is first again", () => {
    const history: TurnRecord[] = [{ organisationId: 1, meetingNumber: 24, status: "accepted" }];
    const open: TurnRecord = { organisationId: 2, meetingNumber: 25, status: "proposed" };
    expect(nextHost(ORGS, [...history, open], 26)?.id).toBe(4);
    // Karşıyaka declines 25: it leads the queue again (for 27, as 26 is with Konak now).
    const after: TurnRecord[] = [...history, { ...open, status: "declined" }, { organisationId: 4, meetingNumber: 26, status: "proposed" }];
    expect(nextHost(ORGS, after, 27)?.id).toBe(2);
  });

  it("goes round in order after Buca hosted the 24th, never choosing an organisation that cannot host", () => {
    expect(simulate({})).toEqual(["Karşıyaka", "Konak", "Çiğli", "Buca", "Karşıyaka", "Konak", "Çiğli", "Buca", "Karşıyaka", "Konak", "Çiğli", "Buca"]);
  });

  it.each<[string, Record<number, Step[]>, string[]]>([
    [
      "a decline defers: the organisation is first again for the following meeting",
      { 25: ["decline"] },
      ["Konak", "Karşıyaka", "Çiğli", "Buca", "Konak", "Karşıyaka", "Çiğli", "Buca", "Konak", "Karşıyaka", "Çiğli", "Buca"],
    ],
    [
      "an expired proposal passes the turn on like a decline",
      { 27: ["expire"] },
      ["Karşıyaka", "Konak", "Buca", "Çiğli", "Karşıyaka", "Konak", "Buca", "Çiğli", "Karşıyaka", "Konak", "Buca", "Çiğli"],
    ],
    [
      "a skip moves the organisation to the back",
      { 25: ["skip"] },
      ["Konak", "Çiğli", "Buca", "Karşıyaka", "Konak", "Çiğli", "Buca", "Karşıyaka", "Konak", "Çiğli", "Buca", "Karşıyaka"],
    ],
    [
      "a swap: the other hosts now and the swapper stays first for the next meeting",
      { 25: [{ swapWith: "Çiğli" }] },
      ["Çiğli (swap)", "Karşıyaka", "Konak", "Buca", "Çiğli", "Karşıyaka", "Konak", "Buca", "Çiğli", "Karşıyaka", "Konak", "Buca"],
    ],
    [
      "everyone declines one meeting: nobody hosts it, and the order is unchanged after",
      { 26: ["decline", "decline", "decline", "decline"] },
      ["Karşıyaka", "—", "Konak", "Çiğli", "Buca", "Karşıyaka", "Konak", "Çiğli", "Buca", "Karşıyaka", "Konak", "Çiğli"],
    ],
    [
      "mixed: decline, skip and swap across twelve meetings",
      { 25: ["decline"], 27: ["skip"], 30: [{ swapWith: "Konak" }], 33: ["decline", "decline"] },
      // 27: Çiğli skipped, so Buca hosts; 30: Buca (tied with Çiğli, earlier in order) swaps with
      // Konak and is first again at 31; 33: Karşıyaka and Konak decline, Buca hosts.
      ["Konak", "Karşıyaka", "Buca", "Konak", "Karşıyaka", "Konak (swap)", "Buca", "Çiğli", "Buca", "Karşıyaka", "Konak", "Çiğli"],
    ],
  ])("%s", (_name, script, expected) => {
    expect(simulate(script)).toEqual(expected);
  });

  it("explains the queue: never hosted first, then least recent, ties by rotation order", () => {
    const queue = rotationQueue(ORGS, [
      { organisationId: 1, meetingNumber: 24, status: "accepted" },
      { organisationId: 4, meetingNumber: 22, status: "assigned" },
      { organisationId: 2, meetingNumber: 23, status: "declined" },
    ]);
    expect(queue.map((q) => [NAMES[q.id], q.lastTurn ?? null])).toEqual([["Karşıyaka", null], ["Çiğli", null], ["Konak", 22], ["Buca", 24]]);
  });

  it("a skipped turn counts as a turn, and says it was skipped rather than hosted", () => {
    const queue = rotationQueue(ORGS, [
      { organisationId: 1, meetingNumber: 24, status: "accepted" },
      { organisationId: 2, meetingNumber: 26, status: "skipped" },
      { organisationId: 4, meetingNumber: 26, status: "assigned" },
      // Skipped once, then hosting that same meeting after all: it hosted.
      { organisationId: 5, meetingNumber: 25, status: "skipped" },
      { organisationId: 5, meetingNumber: 25, status: "accepted" },
    ]);
    expect(queue.map((q) => [NAMES[q.id], q.lastTurn, q.lastSkipped])).toEqual([["Buca", 24, false], ["Çiğli", 25, false], ["Karşıyaka", 26, true], ["Konak", 26, false]]);
  });
});
