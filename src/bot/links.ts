/** The bot's private chat: where people press Start so the bot may write to them. */
export function botLink(botUsername: string): string {
  return `https://t.me/${botUsername}`;
}

/** Opens the private chat and joins the network of this code (organisers share it). */
export function joinLink(botUsername: string, code: string): string {
  return `${botLink(botUsername)}?start=join_${code}`;
}
