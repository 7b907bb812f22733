import { Writable } from "node:stream";
import type { Worker } from "bullmq";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../emulator/index.ts";
import { deliveryJobId } from "../../jobs/outbox.ts";
import { createLogger } from "../../src/logger.ts";
import { createDeliveryWorker } from "../../src/outbox/worker.ts";
import { useScenario } from "../support/scenario.ts";

/** Every line ortak logs, as it would reach stdout. */
const written: string[] = [];
const destination = new Writable({ write: (chunk, _encoding, done) => (written.push(String(chunk)), done()) });
type Line = Record<string, unknown> & { msg: string; level: number };
/** The lines written from `from` on (an index into `written`). */
const lines = (from = 0): Line[] => written.slice(from).map((line) => JSON.parse(line) as Line);

// The emulator's default token: the scenario is built before the logger could ask for it.
const TOKEN = "123456789:TEST-emulator-token-ABCDEFGHIJKLMNOP";
const logger = createLogger({ level: "debug", secrets: [TOKEN], destination });
// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 is on 17 March 2027.
const START = new Date("2026-11-24T09:00:00Z");
let now = START;
const scenario = useScenario({ clock: () => now, logger });

// What people wrote and who they are: none of it may reach a log line.
const AGENDA = "Bütçe görüşmesi ve gizli gündem";
const VENUE = "Karşıyaka Gizli Toplantı Salonu";
const PERSONAL = ["Derya", "Ayşe", "Yılmaz", "derya_", "ayse_", AGENDA, VENUE, "Günlük Ağı", "Buca KDM", TOKEN, TOKEN.split(":")[1]!];

function waitForLine(match: (line: Line) => boolean, what: string, from = 0): Promise<Line> {
  return vi.waitFor(
    () => {
      const found = lines(from).find(match);
      if (!found) throw new Error(`no log line ${what} yet`);
      return found;
    },
    { timeout: 15_000, interval: 20 },
  );
}

/** The id the emulator gives the next update: the one a person's next message arrives in. */
const nextUpdateId = () => scenario.emulator.snapshot().updates.nextUpdateId;

afterAll(() => {
  const everything = written.join("");
  expect(written.length).toBeGreaterThan(0);
  for (const text of PERSONAL) expect(everything).not.toContain(text);
});

describe("log lines name their update, job and meeting", () => {
  let fixture: Awaited<ReturnType<typeof scenario.networkWithMeeting>>;

  it("while an update is handled every line carries its update_id, and the meeting's number once the handler knows it", async () => {
    fixture = await scenario.networkWithMeeting("Günlük Ağı", AGENDA);
    const { admin, group } = fixture;
    const created = lines().find((line) => line.msg === "meeting created");
    expect(created).toMatchObject({ meeting: 25, networkId: expect.any(Number), update_id: expect.any(Number) });

    const editUpdate = nextUpdateId();
    const beforeEdit = written.length;
    await scenario.say(admin, group, `/meeting_edit 25 venue ${VENUE}`);
    const edited = lines(beforeEdit).find((line) => line.msg === "meeting edited");
    // The field's name, never its new value.
    expect(edited).toEqual(expect.objectContaining({ update_id: editUpdate, meeting: 25, field: "venue" }));

    // The reply fails: the error boundary (which grammY runs after the middleware) logs it, with
    // the update and the meeting the handler had found, and apologises.
    scenario.emulator.failNext("sendMessage", new ApiError(400, "Bad Request: something unexpected"), group.id);
    const failingUpdate = nextUpdateId();
    const apology = await scenario.say(admin, group, "/meeting 25");
    expect(apology).toBe("Bir sorun çıktı ve isteğiniz tamamlanamadı. Lütfen biraz sonra yeniden deneyin.");
    const failed = await waitForLine((line) => line.msg === "update handling failed" && line.update_id === failingUpdate, '"update handling failed"');
    expect(failed).toMatchObject({ level: 50, update_id: failingUpdate, meeting: 25, err: { type: "GrammyError", method: "sendMessage", error_code: 400 } });

    // A line from deep below the handler (the API transformer that marks a person unreachable)
    // names the update too: the join code goes privately to whoever sets a network up, and this
    // founder never started the bot.
    const founder = scenario.emulator.createUser({ first_name: "Derya", username: "derya_founder", language_code: "tr" });
    const otherGroup = scenario.emulator.createGroup({ title: "Günlük Ağı 2", members: [{ user: founder, status: "creator" }] });
    const setupUpdate = nextUpdateId();
    await scenario.say(founder, otherGroup, "/setup Günlük Ağı 2");
    const unreachable = await waitForLine((line) => line.msg === "user cannot be reached by DM" && line.userId === founder.id, "about the founder's DM");
    expect(unreachable).toMatchObject({ update_id: setupUpdate, method: "sendMessage" });
    expect(unreachable).not.toHaveProperty("job_id");
  });

  it("while a queued delivery runs every line carries its job_id, row, kind and meeting, and no update's id", async () => {
    const { admin, member, group } = fixture;
    // The member's private card is refused (403): the line comes from the API transformer, inside the delivery.
    scenario.emulator.blockBot(member);
    const worker: Worker = createDeliveryWorker(
      { path: scenario.redisPath, maxRetriesPerRequest: null },
      scenario.running.delivery,
      { heartbeat: async () => 0, retention: async () => 0 },
      logger,
    );
    void worker.run();
    const from = written.length;
    try {
      scenario.emulator.sendText(admin, group, "/invite 25");
      const refused = await waitForLine((line) => line.msg === "user cannot be reached by DM" && line.userId === member.id, "about the blocked member", from);
      const row = await scenario.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: refused.outboxId as number } });
      expect(refused).toMatchObject({ userId: member.id, job: "deliver", job_id: deliveryJobId(row), outboxId: row.id, kind: "card-dm", meeting: 25 });
      expect(refused).not.toHaveProperty("update_id");
      // The group's card went out through the worker too; each delivery says how it ended (debug).
      const posted = await waitForLine((line) => line.msg === "outbox delivery done" && line.kind === "card-post", "about the group's card", from);
      expect(posted).toMatchObject({ result: "sent", job: "deliver", job_id: expect.stringMatching(/^o\d+-\d+$/), outboxId: expect.any(Number), meeting: 25 });
      expect(posted).not.toHaveProperty("update_id");
      expect(scenario.emulator.botMessagesIn(group.id).some((message) => message.text?.includes("25"))).toBe(true);
    } finally {
      await worker.close();
    }
    const deliveries = lines(from).filter((line) => line.msg === "outbox delivery done");
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    for (const line of deliveries) expect(line).toMatchObject({ job_id: expect.any(String), outboxId: expect.any(Number), kind: expect.any(String), meeting: 25 });
  });

  it("a reminder of the meeting, delivered when it is due, is logged with the meeting's number", async () => {
    const reminder = await scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "checkin-card", status: "scheduled" } });
    now = reminder.notBefore;
    const from = written.length;
    try {
      expect(await scenario.running.delivery.deliver({ id: reminder.id, notBefore: reminder.notBefore.getTime() })).toBe("sent");
    } finally {
      now = START;
    }
    expect(lines(from)).toContainEqual(expect.objectContaining({ msg: "outbox delivery done", result: "sent", kind: "checkin-card", meeting: 25, outboxId: reminder.id, job_id: deliveryJobId(reminder) }));
  });
});
