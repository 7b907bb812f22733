import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage, TelegramEmulator } from "../../emulator/index.ts";
import { guardPlace } from "../support/privacy.ts";
import { sayTo, spawnOrtak, useEmulatorAndDataDir } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const say = (user: EmulatedUser, chat: EmulatedChat | "private", text: string) => sayTo(emulator, user, chat, text);
const VENUE = "Umut Evi Toplantı Odası";
const ADDRESS = "Gül Sokak No: 7, Buca";
const buttonOf = (message: StoredMessage, label: string) => message.reply_markup!.inline_keyboard!.flat().find((b) => b.text === label)!.callback_data!;

describe("a confidential meeting with two support needs, through the running bot", () => {
  it("the group sees only the district; confirmed members get the place privately and protected; organisers see the needs as totals", async () => {
    const proc = spawnOrtak({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
    try {
      await proc.waitForLog("polling for updates");
      guardPlace(emulator, { venueName: VENUE, venueAddress: ADDRESS });
      const derya = emulator.createUser({ first_name: "Derya", username: "derya_gizli", language_code: "tr" });
      const ayse = emulator.createUser({ first_name: "Ayşe", username: "ayse_gizli", language_code: "tr" });
      const elif = emulator.createUser({ first_name: "Elif", username: "elif_gizli", language_code: "tr" });
      const group = emulator.createGroup({ title: "Sığınak Ağı", members: [{ user: derya, status: "creator" }, { user: ayse }, { user: elif }] });
      await say(derya, group, "/setup Sığınak Ağı");
      await say(derya, "private", "/start");
      for (const user of [ayse, elif]) {
        await say(user, group, "/whoami");
        await say(user, "private", "/start");
      }
      await say(derya, group, "/org_add Buca Belediyesi KDM | Buca");
      await say(derya, group, "/org_add Karşıyaka Belediyesi KDM | Karşıyaka");
      await say(derya, group, "/member_set_org @ayse_gizli Buca");
      await say(derya, group, "/member_set_org @elif_gizli Karşıyaka");

      // A day and a half ahead: the 48 hours before it have begun, so a "yes" is told the place at once.
      const start = DateTime.now().setZone("Europe/Istanbul").plus({ hours: 36 }).startOf("hour");
      expect(await say(derya, "private", `/meeting_new ${start.toFormat("dd.MM.yyyy HH:mm")} | ${VENUE} | Güvenlik planı`)).toContain("✅ 1. toplantı oluşturuldu.");
      await say(derya, "private", `/meeting_edit 1 address ${ADDRESS}`);
      await say(derya, "private", "/meeting_edit 1 district Buca");
      expect(await say(derya, "private", "/meeting_edit 1 venue_private evet")).toContain("🔒 1. toplantının yeri artık gizli.");
      await say(derya, group, "/invite 1");

      const card = await emulator.waitFor(() => emulator.botMessagesIn(group.id).find((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.text === "✅ Katılıyorum")), 15_000, "the card");
      expect(card.text).toContain("Yer: Buca\n🔒 Adres, katılımı onaylananlara özel mesajla bildirilecek.");
      expect(card.text).not.toContain(VENUE);

      // Ayşe says yes in the group: the place comes privately, protected; the needs buttons follow.
      expect((await emulator.pressButton(ayse, group.id, card.message_id, buttonOf(card, "✅ Katılıyorum"))).text).toBeTruthy();
      const reveal = await emulator.waitFor(() => emulator.botMessagesIn(ayse.id).find((m) => m.text?.startsWith("🔒 1. toplantının yeri")), 15_000, "Ayşe's reveal");
      expect(reveal.text).toContain(`Yer: ${VENUE}`);
      expect(reveal.text).toContain(`Adres: ${ADDRESS}`);
      expect(reveal.has_protected_content).toBe(true);
      const offer = await emulator.waitFor(() => emulator.botMessagesIn(ayse.id).find((m) => m.text?.startsWith("🤝")), 15_000, "Ayşe's needs buttons");
      expect((await emulator.pressButton(ayse, ayse.id, offer.message_id, buttonOf(offer, "👶 Çocuk bakımı"))).text).toBe("Eklendi: çocuk bakımı");

      // Elif may state needs only once she comes; then by command, in words.
      expect(await say(elif, "private", "/needs 1 tercüme TİD")).toContain("Önce 1. toplantıya yanıt verin");
      await say(elif, "private", "/rsvp 1 evet");
      await emulator.waitFor(() => emulator.botMessagesIn(elif.id).find((m) => m.text?.startsWith("🔒 1. toplantının yeri") && m.has_protected_content === true), 15_000, "Elif's reveal");
      // Her yes also brings the needs buttons: waited for, so the next answer read is the command's.
      await emulator.waitFor(() => emulator.botMessagesIn(elif.id).find((m) => m.text?.startsWith("🤝")), 15_000, "Elif's needs buttons");
      expect(await say(elif, "private", "/needs 1 tercüme TİD")).toContain("✅ Destek ihtiyaçlarınızı kaydettim.");

      // The organiser sees totals, never whose; the group, only counts and the district.
      await say(derya, group, "/rsvps 1");
      const list = await emulator.waitFor(() => emulator.botMessagesIn(derya.id).find((m) => m.text?.includes("Destek ihtiyaçları")), 15_000, "the answers with needs");
      const needsLine = list.text!.split("\n").find((line) => line.startsWith("Destek ihtiyaçları"))!;
      expect(needsLine).toContain("çocuk bakımı: 1");
      expect(needsLine).toContain("TİD tercüme: 1");
      for (const name of ["Ayşe", "Elif"]) expect(needsLine).not.toContain(name);
      await emulator.waitFor(() => card.text?.includes("2 kişi katılıyor"), 15_000, "the card's tally");
      expect(card.text).not.toContain(ADDRESS);
      expect(emulator.botMessagesIn(group.id).some((m) => m.text?.includes("Destek"))).toBe(false);
    } finally {
      expect(await proc.stop("SIGINT")).toBe(0);
    }
  });
});
