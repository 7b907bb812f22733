import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, TelegramEmulator } from "../../emulator/index.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const say = (user: EmulatedUser, chat: EmulatedChat | "private", text: string) => sayTo(emulator, user, chat, text);

describe("hosting through the running bot", () => {
  it("the host's contact accepts by DM; the group hears it and the invitation card shows the host, all through the outbox", async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates");
      const derya = emulator.createUser({ first_name: "Derya", username: "derya_host", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", username: "ayse_host", language_code: "tr" });
      const group = emulator.createGroup({ title: "Ev Sahipliği Ağı", members: [{ user: derya, status: "creator" }, { user: ayse }] });
      await say(derya, group, "/setup Ev Sahipliği Ağı");
      await say(ayse, group, "/whoami");
      await say(ayse, "private", "/start");
      await say(derya, group, "/org_add Buca Belediyesi KDM | Buca");
      await say(derya, group, "/org_add Karşıyaka Belediyesi KDM | Karşıyaka");
      await say(derya, group, "/member_set_org @ayse_host Buca");
      await say(derya, group, "/meeting_new 17 Mart 2030 10:00 | Salon | Gündem");
      const proposal = await emulator.waitFor(() => emulator.botMessagesIn(ayse.id).find((m) => m.text?.startsWith("🏠")), 15_000, "the proposal");
      expect(proposal.text).toContain("1. toplantının ev sahipliği sırası kurumunuzda: Buca Belediyesi KDM");
      await emulator.waitFor(() => emulator.botMessagesIn(group.id).some((m) => m.text?.startsWith("🏠 1. toplantı için ev sahibi önerildi: Buca Belediyesi KDM.")), 15_000, "the group's proposal line");

      const { message } = emulator.sendText(derya, group, "/invite 1");
      const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("1. Toplantı")), 15_000, "the card");
      expect(card.text).toContain("Ev sahibi: henüz belli değil");

      const accept = proposal.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
      expect((await emulator.pressButton(ayse, ayse.id, proposal.message_id, accept)).text).toBe("Kaydedildi: ev sahipliğini üstlendiniz. Teşekkür ederiz!");
      await emulator.waitFor(() => card.text?.includes("Ev sahibi: Buca Belediyesi KDM"), 15_000, "the card showing the host");
      await emulator.waitFor(() => emulator.botMessagesIn(group.id).some((m) => m.text === "✅ 1. toplantıya Buca Belediyesi KDM ev sahipliği yapacak."), 15_000, "the group notice");
      expect(await say(ayse, group, "/hosts")).toContain("1. toplantı (17 Mart 2030 Pazar, 10:00–15:00): Buca Belediyesi KDM");
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
