import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, base64url: 43 characters that need no escaping in a URL. */
export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 of a token as given (whatever its form), hex: what is stored and looked up, never the token itself. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The CalendarFeedState row of a person's feed (deleted with the person by /forgetme). */
export function personalFeedKey(userId: bigint): string {
  return `user:${userId}`;
}

export function networkFeedKey(networkId: number): string {
  return `network:${networkId}`;
}

/** Where the feeds are served on the HTTP server. */
export const FEED_PATH_PREFIX = "/calendar/";

/** The path of a personal feed (`network` false) or of a network's public one. */
export function feedPath(token: string, network: boolean): string {
  return `${FEED_PATH_PREFIX}${network ? "network/" : ""}${token}.ics`;
}
