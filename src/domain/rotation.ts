/** An organisation as the rotation sees it. */
export interface RotationMember {
  id: number;
  /** Place in the rotation order (smaller = earlier). */
  position: number;
  canHost: boolean;
}

export type TurnOutcome = "proposed" | "accepted" | "declined" | "skipped" | "swapped" | "expired" | "assigned";

/** One entry of the rotation ledger. */
export interface TurnRecord {
  organisationId: number;
  meetingNumber: number;
  status: TurnOutcome;
}

export interface RotationEntry extends RotationMember {
  /** The meeting at which it last hosted, was skipped or is being asked now; undefined = never. */
  lastTurn: number | undefined;
  /** The meeting whose hosting it is being asked about now (an open proposal), if that is its last turn. */
  askedFor: number | undefined;
  /** Its last turn was skipped (`/host N skip`): it did not host that meeting. */
  lastSkipped: boolean;
}

/**
 * When each organisation last had its turn: hosting (accepted or assigned), being skipped, or
 * being asked right now (an open proposal: two meetings planned back to back go to two
 * organisations, not twice to the one still deciding) counts; a decline, an expired proposal or
 * a swap away does not, so the organisation stays at the front.
 */
export function lastTurns(records: readonly TurnRecord[]): Map<number, number> {
  const last = new Map<number, number>();
  for (const r of records) {
    if (r.status !== "accepted" && r.status !== "assigned" && r.status !== "skipped" && r.status !== "proposed") continue;
    last.set(r.organisationId, Math.max(last.get(r.organisationId) ?? -Infinity, r.meetingNumber));
  }
  return last;
}

/** Organisations that can host, next first: least recently had a turn, then rotation order. */
export function rotationQueue(members: readonly RotationMember[], records: readonly TurnRecord[]): RotationEntry[] {
  const last = lastTurns(records);
  const asked = new Map(records.filter((r) => r.status === "proposed").map((r) => [r.organisationId, r.meetingNumber]));
  const turnKey = (organisationId: number, meetingNumber: number) => `${organisationId}:${meetingNumber}`;
  const withStatus = (...statuses: TurnOutcome[]) => new Set(records.filter((r) => statuses.includes(r.status)).map((r) => turnKey(r.organisationId, r.meetingNumber)));
  const skipped = withStatus("skipped");
  const hosted = withStatus("accepted", "assigned");
  return members
    .filter((m) => m.canHost)
    .map((m) => {
      const lastTurn = last.get(m.id);
      const key = lastTurn === undefined ? "" : turnKey(m.id, lastTurn);
      return {
        ...m,
        lastTurn,
        askedFor: lastTurn !== undefined && asked.get(m.id) === lastTurn ? lastTurn : undefined,
        lastSkipped: skipped.has(key) && !hosted.has(key),
      };
    })
    .sort((a, b) => (a.lastTurn ?? -Infinity) - (b.lastTurn ?? -Infinity) || a.position - b.position);
}

/**
 * The organisation to propose for a meeting: the first of the queue that has not already
 * declined, let expire or swapped away this meeting's turn.
 */
export function nextHost(members: readonly RotationMember[], records: readonly TurnRecord[], meetingNumber: number): RotationEntry | undefined {
  const passed = new Set(
    records.filter((r) => r.meetingNumber === meetingNumber && (r.status === "declined" || r.status === "expired" || r.status === "swapped")).map((r) => r.organisationId),
  );
  return rotationQueue(members, records).find((entry) => !passed.has(entry.id));
}

/** Who speaks for an organisation about hosting: those marked as its contacts, else all its members. */
export function hostContacts<Member extends { isHostContact: boolean }>(members: readonly Member[]): Member[] {
  const marked = members.filter((m) => m.isHostContact);
  return marked.length > 0 ? marked : [...members];
}
