import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { UpdateOffsets } from "../../src/bot/polling.ts";

const updates = (...ids: number[]) => ids.map((update_id) => ({ update_id }) as Update);

describe("the getUpdates offset while updates are being handled", () => {
  it("starts from Telegram's oldest and passes only finished updates", () => {
    const offsets = new UpdateOffsets();
    expect(offsets.offset).toBe(0);
    expect(offsets.held).toBe(false);
    expect(offsets.take(updates(10, 11, 12), 100).map((u) => u.update_id)).toEqual([10, 11, 12]);
    expect(offsets.offset).toBe(10);
    expect(offsets.held).toBe(true);
    // Finished out of order: 11 and 12 wait behind 10.
    offsets.finished(12);
    offsets.finished(11);
    expect(offsets.offset).toBe(10);
    offsets.finished(10);
    expect(offsets.offset).toBe(13);
    expect(offsets.held).toBe(false);
  });

  it("hands out an update only once, however often Telegram returns it", () => {
    const offsets = new UpdateOffsets();
    offsets.take(updates(10, 11), 100);
    offsets.finished(11);
    // Asked again from 10: Telegram returns 10 and 11 again, and a new 12.
    expect(offsets.take(updates(10, 11, 12), 100).map((u) => u.update_id)).toEqual([12]);
    expect(offsets.running).toBe(2);
    expect(offsets.offset).toBe(10);
  });

  it("confirms the running updates when the whole window is full of them, rather than stall", () => {
    const offsets = new UpdateOffsets();
    offsets.take(updates(1, 2, 3), 3);
    // Telegram returns the same three (limit 3): newer updates cannot be seen below this offset.
    expect(offsets.take(updates(1, 2, 3), 3)).toEqual([]);
    expect(offsets.offset).toBe(4);
    expect(offsets.take(updates(4), 3).map((u) => u.update_id)).toEqual([4]);
    expect(offsets.offset).toBe(4);
    offsets.finished(4);
    expect(offsets.offset).toBe(5);
    expect(offsets.running).toBe(3);
    for (const id of [1, 2, 3]) offsets.finished(id);
    expect(offsets.offset).toBe(5);
    expect(offsets.running).toBe(0);
  });

  it("wakes a waiting poll when an update finishes", async () => {
    const offsets = new UpdateOffsets();
    offsets.take(updates(7), 100);
    const woken = offsets.nextFinish(60_000);
    offsets.finished(7);
    await woken;
    expect(offsets.offset).toBe(8);
  });
});
