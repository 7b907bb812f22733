import { escapeHtml } from "../../bot/html.ts";
import type { Reader } from "../../bot/i18n.ts";

/** Who left, as organisers read it privately. */
export interface Departure {
  networkName: string;
  memberName: string;
  username: string | null;
}

/** For organisers, privately: who left, and what that changes. */
export function departureText(reader: Reader, departure: Departure): string {
  const name = departure.username ? `${departure.memberName} (@${departure.username})` : departure.memberName;
  return reader.t("membership-left-organisers", { name: escapeHtml(name), network: escapeHtml(departure.networkName) });
}
