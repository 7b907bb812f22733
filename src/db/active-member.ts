/**
 * The filter for members the bot may still write to: someone who left every linked chat of a
 * network gets none of its DMs (invitations, reminders, nudges, host proposals, checklists),
 * though their earlier answers keep counting.
 */
export const ACTIVE_MEMBER = { leftAt: null } as const;
