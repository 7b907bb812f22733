import type { PrismaClient } from "../db/client.ts";
import type { EmulatedChat, EmulatedUser, TelegramEmulator } from "../../emulator/index.ts";
import { seedDemo } from "../../prisma/demo.ts";
import { DEMO_GROUP_TITLE, DEMO_PEOPLE, type DemoPerson } from "./people.ts";

export interface DemoWorld {
  people: { person: DemoPerson; user: EmulatedUser }[];
  group: EmulatedChat;
}

/**
 * The emulated side of the demo: everyone has started the bot in private, and the group has
 * ortak as an administrator who may pin (as the README's set-up asks of a real group).
 */
export function createDemoAccounts(emulator: TelegramEmulator): DemoWorld {
  const people = DEMO_PEOPLE.map((person) => {
    const user = emulator.createUser({ first_name: person.firstName, last_name: person.lastName, username: person.username, language_code: person.language });
    user.startedBot = true;
    return { person, user };
  });
  const group = emulator.createGroup({
    title: DEMO_GROUP_TITLE,
    members: people.map(({ person, user }) => ({ user, status: person.role === "coordinator" ? "creator" : "member" })),
    botStatus: "administrator",
    botRights: { can_pin_messages: true },
  });
  return { people, group };
}

/**
 * ortak's side: the demo network with its organisations and the 24th meeting (prisma/demo.ts),
 * the people as members of their organisations (the coordinator an organiser; each person her
 * organisation's contact for hosting), and the group linked to the network.
 */
export async function seedDemoNetwork(prisma: PrismaClient, world: DemoWorld): Promise<void> {
  const coordinator = world.people.find(({ person }) => person.role === "coordinator")!;
  const { networkId } = await seedDemo(prisma, { organiserTelegramId: BigInt(coordinator.user.id) });
  await prisma.$transaction(async (tx) => {
    for (const { person, user } of world.people) {
      const organisation = await tx.organisation.findFirstOrThrow({ where: { networkId, shortName: person.organisation } });
      const fields = { firstName: person.firstName, lastName: person.lastName, username: person.username, languageCode: person.language, dmReachable: true };
      await tx.telegramUser.upsert({ where: { id: BigInt(user.id) }, create: { id: BigInt(user.id), ...fields }, update: fields });
      const membership = { organisationId: organisation.id, role: person.role === "coordinator" ? ("organiser" as const) : ("member" as const), isHostContact: true };
      await tx.member.upsert({
        where: { networkId_userId: { networkId, userId: BigInt(user.id) } },
        create: { networkId, userId: BigInt(user.id), ...membership },
        update: membership,
      });
    }
    // Only organisations someone here can answer for take turns hosting: a proposal always reaches a person.
    await tx.organisation.updateMany({ where: { networkId, shortName: { notIn: world.people.map(({ person }) => person.organisation) } }, data: { canHost: false } });
    await tx.chat.create({ data: { networkId, telegramChatId: BigInt(world.group.id), title: world.group.title } });
  });
}
