import { describe, expect, it } from "vitest";
import { csvSeparatorFor, toCsv } from "../../src/domain/csv.ts";
import { readRsvpData, rsvpData } from "../../src/features/invitations/view.ts";
import { PressBatcher } from "../../src/features/rsvp/press-batcher.ts";

describe("RSVP button data", () => {
  it("round-trips every button and stays within Telegram's 64 bytes", () => {
    for (const button of [
      { meetingId: 1, status: "yes" as const },
      { meetingId: 999_999_999, status: "no" as const },
      { meetingId: 42, status: "maybe" as const },
      { meetingId: 42, status: "yes" as const, partySize: 5 },
    ]) {
      const data = rsvpData(button);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(readRsvpData(data)).toEqual(button);
    }
  });

  it.each(["rsvp:1:x", "rsvp:1:1", "rsvp:1:6", "rsvp::y", "rsvp:1:y:2", "rsvp:-1:y", "ics:1", " rsvp:1:y", "rsvp:1234567890:y"])("refuses %j", (data) => {
    expect(readRsvpData(data)).toBeUndefined();
  });
});

describe("CSV", () => {
  it("starts with a byte order mark, ends lines with CRLF and quotes what needs quoting", () => {
    expect(toCsv(["a", "b"], [["Ayşe, Fatma", 'Söz "alıntı"'], ["satır\nsonu", null]])).toBe(
      '\uFEFFa,b\r\n"Ayşe, Fatma","Söz ""alıntı"""\r\n"satır\nsonu",\r\n',
    );
  });

  it("separates by semicolons for Turkish readers and quotes cells holding one", () => {
    expect(toCsv(["a", "b"], [["Ayşe; Fatma", "1,5"]], csvSeparatorFor("tr"))).toBe('\uFEFFa;b\r\n"Ayşe; Fatma";"1,5"\r\n');
    expect(csvSeparatorFor("en")).toBe(",");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(toCsv(["x"], [["=HYPERLINK(\"x\")"], ["+90 555"], ["-1"], ["@SUM(A1)"]])).toBe(
      "\uFEFFx\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'+90 555\r\n'-1\r\n'@SUM(A1)\r\n",
    );
    // Numbers are data, not text typed by a person.
    expect(toCsv(["n"], [[-1]])).toBe("\uFEFFn\r\n-1\r\n");
  });
});

describe("press batcher", () => {
  it("writes what arrives in one turn together, and groups what arrives during a write", async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new PressBatcher<number, number>(async (requests) => {
      batches.push(requests);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return requests.map((r) => r * 10);
    });
    const first = [1, 2].map((n) => batcher.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2]]);
    const rest = [3, 4, 5].map((n) => batcher.submit(n));
    release();
    expect(await Promise.all(first)).toEqual([10, 20]);
    expect(await Promise.all(rest)).toEqual([30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4, 5]]);
  });

  it("fails every request of a failed batch, and goes on with the next", async () => {
    let calls = 0;
    const batcher = new PressBatcher<number, number>(async (requests) => {
      calls++;
      if (calls === 1) throw new Error("database gone");
      return requests;
    });
    await expect(batcher.submit(1)).rejects.toThrow("database gone");
    expect(await batcher.submit(2)).toBe(2);
  });
});
