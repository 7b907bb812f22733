import type { PrismaClient } from "../../db/client.ts";
import type { Outbox } from "../../outbox/outbox.ts";

/** Date polls: candidates, votes, the card's tallies, and closing a poll into a meeting. */
export class DatePollService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
  ) {}
}
