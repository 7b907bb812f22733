import type { PrismaClient } from "../../db/client.ts";
import { displayName } from "../../domain/names.ts";
import type { Renderer } from "../../outbox/types.ts";
import { departureText } from "./view.ts";

/**
 * An organiser hears privately that a member left every linked chat. The person's name is read
 * when the message goes out; someone who came back in the meantime is not reported.
 */
export function membershipRenderers(deps: { prisma: PrismaClient }): Record<"membership-organisers", Renderer> {
  return {
    "membership-organisers": async ({ row, to }) => {
      // The name of a person is for organisers, in private, only.
      if (to.kind !== "member" || to.role !== "organiser") return { kind: "skip", reason: "not an organiser" };
      const departed = await deps.prisma.member.findUnique({ where: { id: Number(row.payload.memberId) }, include: { user: true, network: true } });
      if (!departed) return { kind: "skip", reason: "member gone" };
      if (departed.leftAt?.getTime() !== Number(row.payload.leftAt)) return { kind: "skip", reason: "came back" };
      const text = departureText(to.reader, { networkName: departed.network.name, memberName: displayName(departed.user), username: departed.user.username });
      return { kind: "send", message: { method: "sendMessage", text } };
    },
  };
}
