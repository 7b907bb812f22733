import type { PrismaClient } from "../db/client.ts";
import { AuditService } from "./audit/service.ts";
import { MemberService } from "./members/service.ts";
import { NetworkService } from "./networks/service.ts";
import { OrganisationService } from "./organisations/service.ts";
import { UserService } from "./users/service.ts";

/** Every feature service, built once from the database client. */
export interface Services {
  users: UserService;
  audit: AuditService;
  networks: NetworkService;
  organisations: OrganisationService;
  members: MemberService;
}

export function createServices(prisma: PrismaClient): Services {
  const audit = new AuditService(prisma);
  return {
    users: new UserService(prisma),
    audit,
    networks: new NetworkService(prisma, audit),
    organisations: new OrganisationService(prisma, audit),
    members: new MemberService(prisma, audit),
  };
}
