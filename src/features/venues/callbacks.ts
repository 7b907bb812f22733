/**
 * The confirmation button of `/meeting_edit <N> venue_private hayır`: the place of meeting N
 * becomes public. The data names the meeting and its calendar SEQUENCE when the question was
 * asked, so a press after the meeting changed (moved, edited, made confidential again) is stale.
 */
export interface VenuePublicButton {
  meetingId: number;
  sequence: number;
}

export const VENUE_PUBLIC_DATA = /^vpub:(\d{1,9}):(\d{1,6})$/;

export function venuePublicData(button: VenuePublicButton): string {
  return `vpub:${button.meetingId}:${button.sequence}`;
}

/** Anything not shaped exactly like our own buttons is refused. */
export function readVenuePublic(data: string | undefined): VenuePublicButton | undefined {
  const match = data === undefined ? null : VENUE_PUBLIC_DATA.exec(data);
  if (!match) return undefined;
  return { meetingId: Number(match[1]), sequence: Number(match[2]) };
}
