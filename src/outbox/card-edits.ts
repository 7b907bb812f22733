import type { OutboxKind } from "./kinds.ts";
import type { Outbox } from "./outbox.ts";
import type { OutboxEntry, OutboxRow, Tx } from "./types.ts";

/** Edits of one posted card are at least this far apart, whatever the number of presses. */
export const CARD_EDIT_INTERVAL_MS = 3000;

/** A posted card that now reads differently from what it shows: its edit row, and how to read its last edit. */
export interface StaleCard {
  /** The card's edit row, as it is armed; its time is set here. */
  edit: Omit<OutboxEntry, "notBefore">;
  /** When the card was last edited (null: never), read under the lock; undefined when the card is gone. */
  editedAt: (tx: Tx) => Promise<Date | null | undefined>;
}

/**
 * The coalescing of card edits (invitation cards, poll cards): one pending edit per card, at
 * least CARD_EDIT_INTERVAL_MS after its last one. An edit still waiting is left alone (it renders
 * what the database says when it runs); an edit being sent now, or a card being posted now
 * (`postingNow`), makes the refresh look again a little later, since its time is not known yet.
 */
export async function armCardEdits(outbox: Outbox, refresh: { row: OutboxRow; kind: OutboxKind }, stale: readonly StaleCard[], postingNow: boolean, now: Date): Promise<void> {
  let again = postingNow;
  if (stale.length === 0 && !again) return;
  await outbox.transaction(async (out) => {
    for (const card of stale) {
      // Locked, so no delivery claims it between this look and the re-arm.
      const [pending] = await out.tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "OutboxMessage" WHERE "dedupeKey" = ${card.edit.dedupeKey} FOR UPDATE`;
      if (pending?.status === "scheduled") continue;
      if (pending?.status === "sending") {
        again = true;
        continue;
      }
      // Read again under the lock: an edit that finished since the cards were listed has
      // committed its time with its row, and the next is paced from that time.
      const editedAt = await card.editedAt(out.tx);
      if (editedAt === undefined) continue;
      const paced = editedAt ? editedAt.getTime() + CARD_EDIT_INTERVAL_MS : 0;
      await out.rearm({ ...card.edit, notBefore: new Date(Math.max(now.getTime(), paced)) });
    }
    if (again) {
      const { dedupeKey, networkId, meetingId, audience, payload } = refresh.row;
      await out.rearm({ dedupeKey, kind: refresh.kind, networkId, meetingId, audience, payload, notBefore: new Date(now.getTime() + CARD_EDIT_INTERVAL_MS) });
    }
  });
}
