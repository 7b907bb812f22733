import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/demo.ts";
import type { Database } from "../../src/db/client.ts";
import { openMemoryDatabase } from "../support/harness.ts";

let db: Database;
beforeAll(async () => {
  db = await openMemoryDatabase();
});
afterAll(() => db.close());

describe("demo seed", () => {
  it("loads the İzmir-like network with the 24th meeting at Buca as history, once", async () => {
    const first = await seedDemo(db.prisma);
    expect(first.kind).toBe("created");
    const network = await db.prisma.network.findUniqueOrThrow({ where: { id: first.networkId }, include: { organisations: true, meetings: { include: { hostOrganisation: true } } } });
    expect(network.nextMeetingNumber).toBe(25);
    expect(network.organisations.map((o) => o.shortName)).toEqual(expect.arrayContaining(["İKDD", "İBB KDM", "Buca KDM", "KİHD"]));
    expect(network.organisations.every((o) => o.name.endsWith("(demo)"))).toBe(true);
    const [meeting] = network.meetings;
    expect(meeting).toMatchObject({ number: 24, status: "held", venueName: "Buca1923 Mevlana Kafe", agenda: ["Mevzuat ve Strateji", "Güç İlişkileri", "Savunuculuk Dili"] });
    expect(meeting!.hostOrganisation?.shortName).toBe("Buca KDM");
    // 10:00 in İzmir (UTC+3) on 17 February 2026, five hours.
    expect(meeting!.startsAt.toISOString()).toBe("2026-02-17T07:00:00.000Z");
    expect(meeting!.endsAt.toISOString()).toBe("2026-02-17T12:00:00.000Z");

    const again = await seedDemo(db.prisma, { organiserTelegramId: 4242n });
    expect(again).toEqual({ kind: "exists", joinCode: first.joinCode, networkId: first.networkId });
    expect(await db.prisma.network.count()).toBe(1);
    expect(await db.prisma.meeting.count()).toBe(1);
    expect(await db.prisma.member.findFirst({ where: { userId: 4242n } })).toMatchObject({ role: "organiser" });
  });
});
