import type { OrtakBot } from "../../src/bot/create-bot.ts";
import type { Database } from "../../src/db/client.ts";
import type { Services } from "../../src/features/services.ts";
import type { TelegramEmulator } from "../../emulator/index.ts";
import type { RoundTripResult } from "./round-trip.ts";

const BUTTONS = ["y", "m", "n", "2", "3"] as const;

/**
 * Closed loop of RSVP presses on one group card: `concurrency` members each press a button,
 * wait for the toast, and press another, so every press changes the stored answer. Latency is
 * press → toast. The card keeps being edited (coalesced) underneath, as in real use.
 */
export async function measurePresses(options: {
  label: string;
  emulator: TelegramEmulator;
  ortak: OrtakBot;
  db: Database;
  services: Services;
  presses: number;
  concurrency: number;
  warmup: number;
}): Promise<RoundTripResult> {
  const { emulator, ortak, db } = options;
  const group = emulator.createGroup({ title: "Ölçüm Ağı" });
  const network = await db.prisma.network.create({ data: { name: "Ölçüm Ağı", seriesTitle: "Ölçüm Ağı", joinCode: "BENCH001" } });
  await db.prisma.chat.create({ data: { networkId: network.id, telegramChatId: BigInt(group.id) } });
  const organisations = await Promise.all(
    ["Buca", "Karşıyaka", "Bornova"].map((name, i) =>
      db.prisma.organisation.create({ data: { networkId: network.id, name, shortName: name, nameKey: name.toLowerCase(), shortNameKey: name.toLowerCase(), rotationPosition: i + 1 } }),
    ),
  );
  const members = Array.from({ length: options.concurrency }, (_, i) => emulator.createUser({ first_name: `Üye ${i}`, language_code: i % 2 ? "en" : "tr" }));
  for (const [i, user] of members.entries()) {
    emulator.setMember(group, user, "member");
    await db.prisma.telegramUser.create({ data: { id: BigInt(user.id), firstName: user.first_name } });
    await db.prisma.member.create({ data: { networkId: network.id, userId: BigInt(user.id), organisationId: organisations[i % 3]!.id } });
  }
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const meeting = await db.prisma.meeting.create({
    data: { networkId: network.id, number: 25, title: "Ölçüm", agenda: ["Gündem"], startsAt, endsAt: new Date(startsAt.getTime() + 5 * 3_600_000) },
  });
  // As /invite does: the card goes out through the outbox.
  await options.services.invitations.claimInvitation(network, 1n, meeting.id);
  const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).at(-1), 30_000, "the card");

  const latencies: number[] = [];
  let remaining = options.warmup + options.presses;
  let startedAt = 0;
  let measuring = false;
  const loop = async (user: (typeof members)[number], offset: number) => {
    for (let n = offset; remaining > 0; n++) {
      remaining--;
      if (!measuring && remaining < options.presses) {
        measuring = true;
        startedAt = performance.now();
      }
      const counted = measuring;
      const pressedAt = performance.now();
      await emulator.pressButton(user, group.id, card.message_id, `rsvp:${meeting.id}:${BUTTONS[n % BUTTONS.length]}`);
      if (counted) latencies.push(performance.now() - pressedAt);
    }
  };
  await Promise.all(members.map((user, i) => loop(user, i)));
  const seconds = (performance.now() - startedAt) / 1000;
  await ortak.inFlight.drain();
  // The card's last edit: at most one per 3 s, and it shows the final tally.
  await settleCard(options.services, db, meeting.id);
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { label: options.label, messages: latencies.length, seconds, perSecond: latencies.length / seconds, p50Ms: quantile(0.5), p99Ms: quantile(0.99) };
}

/** Waits until the meeting's card rows have all gone out (the last edit after the burst). */
async function settleCard(_services: Services, db: Database, meetingId: number): Promise<void> {
  for (;;) {
    const waiting = await db.prisma.outboxMessage.count({ where: { meetingId, status: { in: ["scheduled", "sending"] }, kind: { in: ["card-refresh", "card-edit", "card-post"] } } });
    if (waiting === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
