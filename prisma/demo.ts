import { DateTime } from "luxon";
import type { PrismaClient } from "../src/db/client.ts";
import { newJoinCode } from "../src/domain/join-code.ts";
import { nameKey } from "../src/domain/names.ts";

export const DEMO_NETWORK_NAME = "İzmir KDM İş Birliği Ağı (demo)";
const SERIES_TITLE = "Kadına Yönelik Şiddetle Mücadelede İş Birliğinin Artırılması";
const ZONE = "Europe/Istanbul";

// Modelled on the İzmir coalition; every organisation is labelled as demo data.
const ORGANISATIONS = [
  { name: "İzmir Kadın Dayanışma Derneği (demo)", shortName: "İKDD", kind: "association" },
  { name: "İzmir Büyükşehir Belediyesi Kadın Danışma Merkezi (demo)", shortName: "İBB KDM", kind: "municipality" },
  { name: "Buca Belediyesi Kadın Danışma Merkezi (demo)", shortName: "Buca KDM", kind: "municipality", venueName: "Buca1923 Mevlana Kafe", venueAddress: "Buca, İzmir" },
  { name: "Karşıyaka Belediyesi Kadın Danışma Merkezi (demo)", shortName: "Karşıyaka KDM", kind: "municipality" },
  { name: "Bornova Belediyesi Kadın Danışma Merkezi (demo)", shortName: "Bornova KDM", kind: "municipality" },
  { name: "Çiğli Belediyesi Kadın Danışma Merkezi (demo)", shortName: "Çiğli KDM", kind: "municipality" },
  { name: "Kadının İnsan Hakları Derneği (demo)", shortName: "KİHD", kind: "association" },
] as const;

export type SeedResult = { kind: "created"; joinCode: string; networkId: number } | { kind: "exists"; joinCode: string; networkId: number };

/**
 * The demo network: the coordinating association, the metropolitan municipality, district KDMs
 * including Buca, a rights association, and the 24th meeting (17 February 2026, hosted by Buca)
 * as history, so ortak continues at 25. Running it again changes nothing.
 */
export async function seedDemo(prisma: PrismaClient, options: { organiserTelegramId?: bigint } = {}): Promise<SeedResult> {
  const existing = await prisma.network.findFirst({ where: { name: DEMO_NETWORK_NAME } });
  if (existing) {
    if (options.organiserTelegramId !== undefined) await makeOrganiser(prisma, existing.id, options.organiserTelegramId);
    return { kind: "exists", joinCode: existing.joinCode, networkId: existing.id };
  }
  const network = await prisma.$transaction(async (tx) => {
    const created = await tx.network.create({
      data: { name: DEMO_NETWORK_NAME, seriesTitle: SERIES_TITLE, timeZone: ZONE, locale: "tr", nextMeetingNumber: 25, joinCode: newJoinCode() },
    });
    const ids = new Map<string, number>();
    for (const [index, org] of ORGANISATIONS.entries()) {
      const row = await tx.organisation.create({
        data: { ...org, networkId: created.id, nameKey: nameKey(org.name), shortNameKey: nameKey(org.shortName), rotationPosition: index + 1 },
      });
      ids.set(org.shortName, row.id);
    }
    const start = DateTime.fromObject({ year: 2026, month: 2, day: 17, hour: 10 }, { zone: ZONE });
    await tx.meeting.create({
      data: {
        networkId: created.id,
        number: 24,
        title: `${SERIES_TITLE}: 24. Toplantı (atölye)`,
        agenda: ["Mevzuat ve Strateji", "Güç İlişkileri", "Savunuculuk Dili"],
        facilitators: ["Kolaylaştırıcı 1 (demo)", "Kolaylaştırıcı 2 (demo)"],
        startsAt: start.toJSDate(),
        endsAt: start.plus({ hours: 5 }).toJSDate(),
        venueName: "Buca1923 Mevlana Kafe",
        venueAddress: "Buca, İzmir",
        hostOrganisationId: ids.get("Buca KDM")!,
        status: "held",
      },
    });
    return created;
  });
  if (options.organiserTelegramId !== undefined) await makeOrganiser(prisma, network.id, options.organiserTelegramId);
  return { kind: "created", joinCode: network.joinCode, networkId: network.id };
}

/** Someone must be an organiser to /link a group to the seeded network. */
async function makeOrganiser(prisma: PrismaClient, networkId: number, telegramId: bigint): Promise<void> {
  await prisma.telegramUser.upsert({ where: { id: telegramId }, create: { id: telegramId, firstName: "Organiser" }, update: {} });
  await prisma.member.upsert({
    where: { networkId_userId: { networkId, userId: telegramId } },
    create: { networkId, userId: telegramId, role: "organiser" },
    update: { role: "organiser" },
  });
}
