/**
 * The re-link confirmation button: move one link (a Chat row: a chat, or a forum topic of it)
 * from one network to another. The data names the link row and both networks, so a press after
 * anything changed is stale: the link moved or was removed meanwhile (a link removed and made
 * again is a new row), or the button is pressed in another topic.
 */
export interface RelinkButton {
  linkId: number;
  fromNetworkId: number;
  toNetworkId: number;
}

export const RELINK_DATA = /^relink:(\d{1,9}):(\d{1,9}):(\d{1,9})$/;

export function relinkData(button: RelinkButton): string {
  return `relink:${button.linkId}:${button.fromNetworkId}:${button.toNetworkId}`;
}

export function readRelink(data: string | undefined): RelinkButton | undefined {
  const match = data === undefined ? null : RELINK_DATA.exec(data);
  if (!match) return undefined;
  return { linkId: Number(match[1]), fromNetworkId: Number(match[2]), toNetworkId: Number(match[3]) };
}
