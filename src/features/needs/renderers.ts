import type { PrismaClient } from "../../db/client.ts";
import type { Renderer } from "../../outbox/types.ts";

export interface NeedsRendererDeps {
  prisma: PrismaClient;
}

/** The day-before summary for organisers: answers per organisation and support needs in totals. */
export function needsRenderers(_deps: NeedsRendererDeps): { "organiser-eve": Renderer } {
  return {
    "organiser-eve": async () => ({ kind: "skip", reason: "not built yet" }),
  };
}
