import type { PrismaClient } from "../../db/client.ts";
import type { Renderer } from "../../outbox/types.ts";

export interface VenueRendererDeps {
  prisma: PrismaClient;
}

/** A confidential meeting's venue, told privately to a member who answered yes. */
export function venueRenderers(_deps: VenueRendererDeps): { "venue-reveal": Renderer } {
  return {
    "venue-reveal": async () => ({ kind: "skip", reason: "not built yet" }),
  };
}
