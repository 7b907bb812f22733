// Actions whose last part names what changed: "meeting.edit.venue" reads "meeting details (venue)".
const WITH_DETAIL = ["meeting.edit.", "network.set.", "organisation.edit."];

/**
 * The arguments of the `audit-action` message for an action code: Fluent variant keys cannot hold
 * dots, so "host.proposed" selects `host-proposed`; an unknown code is shown as it is.
 */
export function auditActionArgs(action: string): { action: string; code: string; detail: string } {
  const family = WITH_DETAIL.find((prefix) => action.startsWith(prefix));
  const code = family ? family.slice(0, -1) : action;
  return { action: code.replace(/[._]/g, "-"), code, detail: family ? action.slice(family.length) : "" };
}
