import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliverPayload } from "../../jobs/outbox.ts";
import { MAIN_QUEUE } from "../../jobs/definitions.ts";
import { startTestQueue } from "../support/harness.ts";

let testQueue: Awaited<ReturnType<typeof startTestQueue>>;
beforeAll(async () => {
  testQueue = await startTestQueue();
});
afterAll(() => testQueue.close());

describe("outbox jobs due at the same moment", () => {
  it("go out reminders and notices first, card edits after them", async () => {
    const due = new Date(Date.now() - 1_000);
    // A burst of answers left many card edits due; a reminder and a notice fall due among them.
    const edits = Array.from({ length: 30 }, (_, i) => ({ id: 1_000 + i, notBefore: due, kind: "card-edit" }));
    await testQueue.transport.carry([...edits.slice(0, 15), { id: 1, notBefore: due, kind: "before" }, ...edits.slice(15), { id: 2, notBefore: due, kind: "meeting-notice" }]);
    const worker = new Worker(MAIN_QUEUE, null, { connection: { path: testQueue.redisPath, maxRetriesPerRequest: null }, autorun: false });
    try {
      const order: number[] = [];
      for (let job = await worker.getNextJob("t", { block: false }); job; job = await worker.getNextJob("t", { block: false })) {
        order.push((job.data as DeliverPayload).id);
        await job.moveToCompleted("done", "t", false);
      }
      expect(order.slice(0, 2).sort()).toEqual([1, 2]);
      expect(order.slice(2).sort()).toEqual(edits.map((e) => e.id).sort());
    } finally {
      await worker.close();
    }
  });

});
