import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Meeting 25 on Wednesday 17 March 2027 at 10:00 in İzmir, meeting 26 on 14 April, 27 on 12 May.
const { scenario, moveClockTo } = useJobsByHand("2026-11-24T09:00:00Z");
const { say } = scenario;
const prisma = () => scenario.db.prisma;

let admin: EmulatedUser;
let member: EmulatedUser;
let group: EmulatedChat;

const sentAfter = (chatId: number, messageId: number) => scenario.emulator.botMessagesIn(chatId).filter((m) => m.message_id > messageId);
const lastId = (chatId: number) => scenario.emulator.botMessagesIn(chatId).at(-1)?.message_id ?? 0;
const textOf = (messages: StoredMessage[]) => messages.map((m) => m.text ?? "").join("\n");

/** Every message the bot answers a command with (a long list comes in several). */
async function answers(user: EmulatedUser, chat: EmulatedChat | "private", text: string): Promise<string[]> {
  const chatId = chat === "private" ? user.id : chat.id;
  const before = lastId(chatId);
  await say(user, chat, text);
  return sentAfter(chatId, before).map((m) => m.text ?? "");
}

/** Sends a private command whose answer is a file; returns the file's text. */
async function fileFor(user: EmulatedUser, text: string): Promise<string> {
  const before = scenario.emulator.botMessagesIn(user.id).length;
  scenario.emulator.sendText(user, "private", text);
  const message = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(user.id).slice(before).find((m) => m.document !== undefined), 5_000, `a file after ${text}`);
  await scenario.running.ortak.inFlight.drain();
  return scenario.emulator.file(message.document!.file_id)!.toString("utf8");
}

/** The decision numbers and replacements of every entry, to show that nothing changed. */
const registerRows = () =>
  prisma().minutesEntry.findMany({ select: { id: true, kind: true, decisionNumber: true, supersededById: true, deletedAt: true }, orderBy: { id: "asc" } });

async function publish(number: number): Promise<string> {
  const before = lastId(group.id);
  expect(await say(admin, "private", `/minutes_publish ${number}`)).toMatch(new RegExp(`^📣 ${number}\\. toplantının tutanağı`));
  return textOf(sentAfter(group.id, before));
}

describe("the decision register", () => {
  it("numbers each decision <meeting>/<n> when first published, in entry order, shown in the copies", async () => {
    ({ admin, member, group } = await scenario.networkWithMeeting("İzmir Karar Ağı", "Açılış; Kampanya"));
    moveClockTo("2027-03-17T07:30:00Z");
    await say(admin, "private", "/minutes 25");
    expect(await say(admin, "private", "Açılış yapıldı.")).toBe("✍️ 1 numaralı kayıt eklendi.");
    expect(await say(admin, "private", "karar: 26. toplantı Karşıyaka'da yapılacak")).toBe("✍️ 2 numaralı kayıt eklendi.");
    expect(await say(admin, "private", "karar: Kampanya afişi basılacak")).toBe("✍️ 3 numaralı kayıt eklendi.");
    expect(await say(admin, "private", "karar: İzmir İl Müdürlüğü ile görüşme yapılacak")).toBe("✍️ 4 numaralı kayıt eklendi.");
    // A draft has no numbers yet.
    expect((await registerRows()).map((e) => e.decisionNumber)).toEqual([null, null, null, null]);
    expect(await say(admin, "private", "/decisions")).toBe("Yayımlanmış tutanaklarda henüz karar yok. Kararlar, tutanak /minutes_publish ile yayımlandığında numaralanır.");

    const copy = await publish(25);
    expect(copy).toContain("Alınan kararlar\n25/1 — 26. toplantı Karşıyaka'da yapılacak\n25/2 — Kampanya afişi basılacak\n25/3 — İzmir İl Müdürlüğü ile görüşme yapılacak");
    expect((await registerRows()).map((e) => e.decisionNumber)).toEqual([null, 1, 2, 3]);
    // The card shows them too.
    expect(await say(admin, "private", "/minutes 25")).toContain("2. [Karar 25/1] 26. toplantı Karşıyaka'da yapılacak");
  });

  it("a number is kept forever: a deleted decision's number is not given again, a later decision gets the next one", async () => {
    expect(await say(admin, "private", "/minutes_delete 25 3")).toMatch(/^🗑 3 numaralı kayıt silindi\./);
    expect(await say(admin, "private", "/minutes 25")).toBeTruthy();
    expect(await say(admin, "private", "karar: Broşür 500 adet basılacak")).toMatch(/^✍️ 5 numaralı kayıt eklendi\./);
    // Turned into a decision after publication: numbered at the next one, after the others.
    expect(await say(admin, "private", "/minutes_edit 25 1 karar: Açılış konuşmasıyla toplantı başladı")).toMatch(/^✏️ 1 numaralı kayıt düzeltildi\./);
    const copy = await publish(25);
    expect(copy).toContain("Sürüm 2 (1. sürümün yerine geçer)");
    expect(copy).toContain("Alınan kararlar\n25/4 — Açılış konuşmasıyla toplantı başladı\n25/1 — 26. toplantı Karşıyaka'da yapılacak\n25/3 — İzmir İl Müdürlüğü ile görüşme yapılacak\n25/5 — Broşür 500 adet basılacak");
    expect((await registerRows()).map((e) => [e.decisionNumber, e.deletedAt !== null])).toEqual([
      [4, false],
      [1, false],
      [2, true],
      [3, false],
      [5, false],
    ]);
    // The version already published keeps what it said.
    const first = await prisma().minutesVersion.findFirstOrThrow({ where: { version: 1 } });
    expect(first.markdown).toContain("- **25/2** — Kampanya afişi basılacak");
  });

  it("numbering starts again at 1 in the next meeting; its decisions join the register", async () => {
    moveClockTo("2027-03-20T09:00:00Z");
    await say(admin, "private", "/meeting_new 14 Nisan 2027 10:00 | Karşıyaka Evi | Tutanak onayı");
    moveClockTo("2027-04-14T07:30:00Z");
    await say(admin, "private", "/minutes 26");
    await say(admin, "private", "karar: 27. toplantı Buca'da yapılacak");
    await say(admin, "private", "karar: Ayşe Yılmaz kampanya koordinasyonunu üstlenir");
    const copy = await publish(26);
    // The group's copy withholds the name, as for every entry.
    expect(copy).toContain("Alınan kararlar\n26/1 — 27. toplantı Buca'da yapılacak\n26/2 — (isim gizlendi) kampanya koordinasyonunu üstlenir");
  });

  it("/decisions lists the series newest first; a group sees names withheld", async () => {
    const [list] = await answers(member, group, "/decisions");
    expect(list).toBe(
      [
        "📚 Karar kaydı (6 karar, en yeniler önce)",
        "",
        "26/2 — (isim gizlendi) kampanya koordinasyonunu üstlenir",
        "26/1 — 27. toplantı Buca'da yapılacak",
        "25/5 — Broşür 500 adet basılacak",
        "25/4 — Açılış konuşmasıyla toplantı başladı",
        "25/3 — İzmir İl Müdürlüğü ile görüşme yapılacak",
        "25/1 — 26. toplantı Karşıyaka'da yapılacak",
      ].join("\n"),
    );
    // An organiser privately reads the texts as written.
    expect(await say(admin, "private", "/decisions")).toContain("26/2 — Ayşe Yılmaz kampanya koordinasyonunu üstlenir");
  });

  it("search folds Turkish letters and case: karsiyaka finds Karşıyaka, IZMIR finds İzmir; a name withheld in a group is not found there", async () => {
    expect(await say(member, group, "/decisions karsiyaka")).toBe("🔎 Aramanıza uyan kararlar (1)\n\n25/1 — 26. toplantı Karşıyaka'da yapılacak");
    expect(await say(member, group, "/decisions IZMIR")).toBe("🔎 Aramanıza uyan kararlar (1)\n\n25/3 — İzmir İl Müdürlüğü ile görüşme yapılacak");
    expect(await say(member, group, "/decisions BROSUR")).toContain("25/5 — Broşür 500 adet basılacak");
    expect(await say(member, group, "/decisions 26/1")).toBe("🔎 Aramanıza uyan kararlar (1)\n\n26/1 — 27. toplantı Buca'da yapılacak");
    expect(await say(member, group, "/decisions ayse")).toBe("Aramanıza uyan bir karar bulunamadı. Tüm kararlar için /decisions yazın.");
    expect(await say(admin, "private", "/decisions ayse")).toContain("26/2 — Ayşe Yılmaz kampanya koordinasyonunu üstlenir");
    expect(await say(member, group, "/decisions olmayan kelime")).toBe("Aramanıza uyan bir karar bulunamadı. Tüm kararlar için /decisions yazın.");
  });

  it("/decision_supersede refuses bad input with a clear answer and changes nothing", async () => {
    const rows = await registerRows();
    const counts = await scenario.countRows();
    const cases: [EmulatedUser, string, string][] = [
      [member, "/decision_supersede 25/1 26/1", "Bu komutu yalnızca ağın koordinatörleri kullanabilir."],
      [admin, "/decision_supersede 25/3 25/3", "Bir karar kendi yerine geçemez; iki farklı karar numarası yazın, örneğin /decision_supersede 25/3 27/1"],
      [admin, "/decision_supersede 26/1 25/3", "25/3 numaralı karar, 26/1 numaralı karardan önce alınmış; bir kararın yerine ancak daha sonra alınan bir karar geçebilir. Önce eski, sonra yeni kararı yazın; kayıt değiştirilmedi."],
      [admin, "/decision_supersede 25/2 26/1", "25/2 numaralı bir karar bulunamadı; kayıt değiştirilmedi. Kararları ve numaralarını görmek için /decisions yazın."],
      [admin, "/decision_supersede 25/1 30/1", "30/1 numaralı bir karar bulunamadı; kayıt değiştirilmedi. Kararları ve numaralarını görmek için /decisions yazın."],
      [admin, "/decision_supersede 25 26", "Kullanım: /decision_supersede <eski karar> <yeni karar>, örneğin /decision_supersede 25/3 27/1 (karar numaralarını /decisions gösterir)"],
      [admin, "/decision_supersede 25/1", "Kullanım: /decision_supersede <eski karar> <yeni karar>, örneğin /decision_supersede 25/3 27/1 (karar numaralarını /decisions gösterir)"],
      [admin, "/decision_supersede 25/1 26/1 26/2", "Kullanım: /decision_supersede <eski karar> <yeni karar>, örneğin /decision_supersede 25/3 27/1 (karar numaralarını /decisions gösterir)"],
      [admin, "/decision_supersede 25/0 26/x", "Kullanım: /decision_supersede <eski karar> <yeni karar>, örneğin /decision_supersede 25/3 27/1 (karar numaralarını /decisions gösterir)"],
    ];
    for (const [user, command, expected] of cases) expect(await say(user, group, command), command).toBe(expected);
    expect(await registerRows()).toEqual(rows);
    expect(await scenario.countRows()).toEqual(counts);
  });

  it("marks 25/1 as replaced by 26/1: both say so in /decisions (replaced ones last) and in the minutes", async () => {
    expect(await say(admin, group, "/decision_supersede 25/1 26/1")).toBe("✅ Kaydedildi: 25/1 numaralı kararın yerine 26/1 numaralı karar geçti.");
    const list = await say(member, group, "/decisions");
    expect(list).toContain("26/1 — 27. toplantı Buca'da yapılacak (25/1'in yerine geçer)\n25/5");
    expect(list.endsWith("25/3 — İzmir İl Müdürlüğü ile görüşme yapılacak\n\nYerine yenisi geçen kararlar\n25/1 — 26. toplantı Karşıyaka'da yapılacak (26/1 ile değişti)")).toBe(true);
    expect(await say(admin, "private", "/minutes 25")).toContain("2. [Karar 25/1] 26. toplantı Karşıyaka'da yapılacak (26/1 ile değişti)");
    expect((await prisma().auditEntry.findFirstOrThrow({ where: { action: "decision.supersede" } })).subject).toBe("25/1");

    // Already replaced, and a replacement that was itself replaced: refused, nothing changed.
    expect(await say(admin, group, "/decision_supersede 25/4 26/2")).toBe("✅ Kaydedildi: 25/4 numaralı kararın yerine 26/2 numaralı karar geçti.");
    const rows = await registerRows();
    expect(await say(admin, group, "/decision_supersede 25/1 26/2")).toBe("25/1 numaralı kararın yerine zaten 26/1 numaralı karar geçmiş; kayıt değiştirilmedi.");
    expect(await say(admin, group, "/decision_supersede 25/3 25/4")).toBe("25/4 numaralı kararın yerine de 26/2 numaralı karar geçmiş; lütfen güncel kararın numarasını yazın. Kayıt değiştirilmedi.");
    expect(await registerRows()).toEqual(rows);
    expect(await say(member, group, "/decisions koordinasyon")).toBe("🔎 Aramanıza uyan kararlar (1)\n\n26/2 — (isim gizlendi) kampanya koordinasyonunu üstlenir (25/4'ün yerine geçer)");
  });

  it("the minutes' Markdown file ends with the register; the group's copy withholds names there too", async () => {
    moveClockTo("2027-04-20T09:00:00Z");
    await say(admin, "private", "/meeting_new 12 Mayıs 2027 10:00 | Buca Evi | Değerlendirme");
    moveClockTo("2027-05-12T07:30:00Z");
    await say(admin, "private", "/minutes 27");
    await say(admin, "private", "karar: Değerlendirme raporu Haziran'da paylaşılacak");
    const before = lastId(group.id);
    await publish(27);
    const files = sentAfter(group.id, before).filter((m) => m.document);
    expect(files.map((f) => f.document!.file_name)).toEqual(["tutanak-27-surum-1.md", "tutanak-27-surum-1.pdf"]);
    const markdown = scenario.emulator.file(files[0]!.document!.file_id)!.toString("utf8");
    expect(markdown).toContain("## Alınan kararlar\n\n- **27/1** — Değerlendirme raporu Haziran'da paylaşılacak\n");
    const register = markdown.slice(markdown.indexOf("## Karar kaydı (27. toplantıya kadar)"));
    expect(register).toBe(
      [
        "## Karar kaydı (27. toplantıya kadar)",
        "",
        "- **25/1** — 26. toplantı Karşıyaka'da yapılacak (26/1 ile değişti)",
        "- **25/3** — İzmir İl Müdürlüğü ile görüşme yapılacak",
        "- **25/4** — Açılış konuşmasıyla toplantı başladı (26/2 ile değişti)",
        "- **25/5** — Broşür 500 adet basılacak",
        "- **26/1** — 27. toplantı Buca'da yapılacak (25/1'in yerine geçer)",
        "- **26/2** — (isim gizlendi) kampanya koordinasyonunu üstlenir (25/4'ün yerine geçer)",
        "- **27/1** — Değerlendirme raporu Haziran'da paylaşılacak",
        "",
      ].join("\n"),
    );
    // The organisers' stored Markdown has the register with the names.
    const stored = await prisma().minutesVersion.findFirstOrThrow({ where: { minutes: { meeting: { number: 27 } } } });
    expect(stored.markdown).toContain("- **26/2** — Ayşe Yılmaz kampanya koordinasyonunu üstlenir (25/4'ün yerine geçer)");
  });

  it("/export_network carries the register with what replaced what", async () => {
    const exported = JSON.parse(await fileFor(admin, "/export_network")) as { decisionRegister: Record<string, unknown>[] };
    expect(exported.decisionRegister.map((d) => [d.number, d.replacedBy, d.replaces])).toEqual([
      ["25/1", "26/1", []],
      ["25/3", null, []],
      ["25/4", "26/2", []],
      ["25/5", null, []],
      ["26/1", null, ["25/1"]],
      ["26/2", null, ["25/4"]],
      ["27/1", null, []],
    ]);
    expect(exported.decisionRegister[5]!.text).toBe("Ayşe Yılmaz kampanya koordinasyonunu üstlenir");
  });

  it("a long register is split into messages of at most 4096 characters, between decisions", async () => {
    await say(admin, "private", "/minutes 27");
    const long = (n: number) => `karar: Uzun karar ${n}: ${"Danışma merkezlerinin ortak çalışma usulü bu kararla yeniden düzenlenmiştir. ".repeat(11)}`.trim();
    for (let n = 1; n <= 6; n++) await say(admin, "private", long(n));
    await publish(27);
    const parts = await answers(member, group, "/decisions");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    const all = parts.join("\n");
    for (const number of ["27/7", "27/2", "27/1", "26/2", "25/3", "25/1"]) expect(all.split(`${number} — `).length - 1, number).toBe(1);
    // Each decision stays whole in one message.
    for (const part of parts.slice(1)) expect(part).toMatch(/^(27|26|25)\/\d+ — |^\nYerine|^Yerine/);
  });
});
