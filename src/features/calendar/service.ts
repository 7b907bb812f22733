import type { PrismaClient } from "../../db/client.ts";

/** Personal and network calendar feeds (/calendar, public_calendar). */
export class CalendarService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}
}
