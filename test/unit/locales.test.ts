import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALES, LOCALES_DIR, Translator, negotiateLocale } from "../../src/bot/i18n.ts";
import type { Network } from "../../src/db/client.ts";
import { parseMinutesEntry } from "../../src/domain/minutes-entry.ts";
import { DATE_PROBLEMS } from "../../src/domain/datetime.ts";
import { auditActionArgs } from "../../src/features/audit/view.ts";
import type { ActionItem } from "../../src/features/actions/service.ts";
import { actionText } from "../../src/features/actions/view.ts";
import { offsetsText, policyText } from "../../src/features/reminders/view.ts";

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.load();
});

describe("locales", () => {
  it("tr.ftl and en.ftl have the same message ids", () => {
    const tr = translator.messageIds("tr").sort();
    const en = translator.messageIds("en").sort();
    expect(tr.filter((id) => !en.includes(id))).toEqual([]);
    expect(en.filter((id) => !tr.includes(id))).toEqual([]);
    expect(tr.length).toBeGreaterThan(5);
  });

  it("every message formats in both languages without errors and differs between them", () => {
    // A value for every variable any message uses.
    const source = LOCALES.map((locale) => readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), "utf8")).join("\n");
    const args = Object.fromEntries([...source.matchAll(/\{ *\$([a-zA-Z][\w-]*) *(?:\}|->)/g)].map((m) => [m[1]!, "§"]));
    for (const id of translator.messageIds("tr")) {
      const texts = LOCALES.map((locale) => translator.t(locale, id, args));
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(0);
      // Messages made only of placeables and punctuation may read the same in both languages.
      const words = texts[0]!.replace(/<[^>]+>/g, "").replace(/§/g, "").replace(/[^\p{L}]/gu, "");
      if (words !== "") expect(texts[0], id).not.toBe(texts[1]);
    }
  });

  it("does not wrap placeables in bidi isolation marks", () => {
    expect(translator.t("tr", "start-private", { name: "Ayşe" })).toContain("Merhaba Ayşe!");
  });

  it("every problem the date parser can report has its answer, for a meeting's date and for a task's due date", () => {
    for (const locale of LOCALES) {
      const ids = translator.messageIds(locale);
      for (const problem of DATE_PROBLEMS) {
        expect(ids, `${locale}: date-${problem}`).toContain(`date-${problem}`);
        expect(ids, `${locale}: minutes-missing-due-${problem}`).toContain(`minutes-missing-due-${problem}`);
      }
    }
  });

  it("every action the audit log records reads as words in both languages, not as its code", () => {
    const sources = readdirSync(path.join(LOCALES_DIR, "..", "src"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts") && !file.includes("generated"));
    const codes = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(path.join(LOCALES_DIR, "..", "src", file), "utf8");
      for (const match of text.matchAll(/action: [`"]([a-z_]+(?:\.[a-z_]+)+)(\.\$\{)?/g)) codes.add(match[1]!);
      for (const match of text.matchAll(/"(host\.[a-z_]+)"/g)) codes.add(match[1]!);
    }
    codes.add("chat.unlink.repair");
    expect(codes.size).toBeGreaterThan(25);
    for (const code of codes) {
      for (const locale of LOCALES) {
        const args = auditActionArgs(code);
        expect(translator.t(locale, "audit-action", args), `${locale}: ${code}`).not.toBe(args.code);
      }
    }
  });

  it("throws on an unknown message id instead of sending the id to a user", () => {
    expect(() => translator.t("tr", "no-such-message")).toThrow(/missing message/);
  });
});

describe("negotiateLocale", () => {
  it.each([
    [null, undefined, "tr"],
    [null, "tr", "tr"],
    [null, "en", "en"],
    [null, "en-GB", "en"],
    [null, "de", "tr"],
    ["tr", "en", "tr"],
    ["en", "tr", "en"],
    ["fr", "en", "en"],
  ] as const)("chosen %s, Telegram %s → %s", (chosen, telegram, expected) => {
    expect(negotiateLocale(chosen, telegram)).toBe(expected);
  });
});

/** Each message's source text (all variants, no comments), read from the .ftl file itself. */
function messageSources(locale: (typeof LOCALES)[number]): Map<string, { source: string; line: number }> {
  const lines = readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), "utf8").split("\n");
  const messages = new Map<string, { source: string; line: number }>();
  let current: { id: string; lines: string[]; line: number } | undefined;
  const close = () => {
    if (current) messages.set(current.id, { source: current.lines.join("\n"), line: current.line });
    current = undefined;
  };
  lines.forEach((text, i) => {
    const start = /^([a-zA-Z][\w-]*) =(.*)$/.exec(text);
    if (start) {
      close();
      current = { id: start[1]!, lines: [start[2]!], line: i + 1 };
    } else if (current && (text.startsWith(" ") || text === "}")) {
      current.lines.push(text);
    } else {
      close();
    }
  });
  close();
  return messages;
}

/** The comment lines of a locale file, with their line numbers. */
function commentLines(locale: (typeof LOCALES)[number]): { text: string; line: number }[] {
  return readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), "utf8")
    .split("\n")
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((l) => l.text.startsWith("#"));
}

/** Whole-word, Unicode-aware: JavaScript's \b only knows ASCII letters. */
const word = (w: string) => new RegExp(`(?<!\\p{L})${w}`, "iu");

/**
 * The coalition's words (DESIGN.md "Words"): each pattern is a word ortak must not use in Turkish,
 * with the word it uses instead.
 */
const NOT_OUR_WORDS: [RegExp, string][] = [
  [word("düzenleyici"), "koordinatör"],
  [word("katılım kod"), "ağ kodu"],
  [word("katılım bağlantı"), "ağa katılma bağlantısı"],
  [word("özelden"), "özel mesajla"],
  // In the women's movement "eylem" means a protest.
  [word("eylem"), "görev"],
  [word("açık iş"), "bekleyen görev"],
  [word("temsilci"), "irtibat kişisi"],
  [word("mekân"), "yer"],
  [word("toplantı dizisi"), "toplantıların genel başlığı"],
  [word("yanıt için son"), "son yanıt tarihi"],
  [word("yanıt süresi"), "son yanıt tarihi"],
  [word("tutanak tutmakla görevlendir"), "tutanak sorumlusu"],
];

/** What a Turkish reader would flag in our own texts. */
function wordProblems(text: string): string[] {
  return NOT_OUR_WORDS.filter(([pattern]) => pattern.test(text)).map(([pattern, instead]) => `${pattern.source} → ${instead}`);
}

describe("Turkish words (DESIGN.md, Words)", () => {
  it("no message uses a word the coalition does not use", () => {
    const problems = [...messageSources("tr")].flatMap(([id, { source, line }]) => wordProblems(source).map((p) => `tr.ftl:${line} ${id}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("comments do not use those words either (the old input prefixes are documented in the parser)", () => {
    const problems = commentLines("tr").flatMap(({ text, line }) => wordProblems(text).map((p) => `tr.ftl:${line}: ${p}`));
    expect(problems).toEqual([]);
  });

  it.each([
    ["Ağın düzenleyicileri", true],
    ["katılım kodunu paylaşın", true],
    ["Size özelden yazdım", true],
    ["Açık eylem maddeleri", true],
    ["EYLEM: broşür", true],
    ["Önceki toplantılardan açık işler", true],
    ["Mekân: Buca", true],
    ["Ağın koordinatörleri", false],
    ["Bekleyen görevler", false],
    // "eylem" inside another word is not the word.
    ["Tüzeylemeler", false],
    ["Katılımcılar", false],
    ["Son yanıt tarihi", false],
  ] as const)("the word check flags %j: %s", (text, flagged) => {
    expect(wordProblems(text).length > 0).toBe(flagged);
  });

  it("the minutes headings are the coalition's", () => {
    expect(["minutes-section-attendance", "minutes-section-decisions", "minutes-section-actions"].map((id) => translator.t("tr", id))).toEqual([
      "Katılımcılar",
      "Alınan kararlar",
      "Görev dağılımı",
    ]);
  });

  it("the minutes show görev: in their examples, and the parser reads each example as an action item", () => {
    const now = DateTime.fromISO("2027-03-17T12:00:00", { zone: "Europe/Istanbul" });
    const examples = ["minutes-card-how", "minutes-action-example", "minutes-placeholder"].map((id) => translator.t("tr", id, { number: 25 }));
    for (const text of examples) expect(text).toMatch(/görev: /);
    const written = examples.flatMap((text) => [...text.matchAll(/(?:örneğin|Örnek): (görev: [^\n]+)/g)].map((m) => m[1]!));
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const example of written) {
      const entry = parseMinutesEntry(example, { organisations: ["Buca KDM"], zone: "Europe/Istanbul", now });
      expect(entry, example).toMatchObject({ kind: "action", text: "Broşür taslağı", owner: { kind: "user", username: "ayse" } });
    }
    // The English examples, with the English prefix, read the same way.
    for (const id of ["minutes-card-how", "minutes-action-example"]) {
      const example = /(?:for example|Example): (action: [^\n]+)/.exec(translator.t("en", id, { number: 25 }))![1]!;
      expect(parseMinutesEntry(example, { organisations: [], zone: "Europe/Istanbul", now }), example).toMatchObject({ kind: "action" });
    }
  });
});

/**
 * Command descriptions in the menu are addressed politely: a verb ending a description is the
 * siz imperative ("Kurumunuzu seçin", not "Kurumunu seç"). The others are noun phrases, listed
 * here by key: a new description is a polite imperative unless it is added to this list.
 */
const NOUN_PHRASE_COMMANDS = new Set([
  "cmd-start",
  "cmd-help",
  "cmd-lang",
  "cmd-network",
  "cmd-orgs",
  "cmd-whoami",
  "cmd-audit",
  "cmd-members",
  "cmd-meetings",
  "cmd-meeting",
  "cmd-rotation",
  "cmd-hosts",
  "cmd-actions",
  "cmd-stats",
]);

const HARMONY: Record<string, string> = { a: "ı", ı: "ı", e: "i", i: "i", o: "u", u: "u", ö: "ü", ü: "ü" };

/** The description's last word, without a trailing example (": /meeting 25") or parenthesis. */
function lastWord(description: string): string {
  const core = description
    .replace(/:\s*\/\S.*$/u, "")
    .replace(/\s*\([^)]*\)\s*$/u, "")
    .trim();
  return (core.split(/\s+/).pop() ?? "").toLocaleLowerCase("tr-TR");
}

/** seç-in, kur-un, gör-ün, bağla-yın, ekle-yin: the -(y)In suffix, in harmony with the stem. */
function isPoliteImperative(word: string): boolean {
  const match = /^(\p{L}*?)(y?)([ıiuü])n$/u.exec(word);
  if (!match) return false;
  const [, stem, buffer, vowel] = match;
  const stemVowels = stem!.match(/[aıeioöuü]/gu);
  if (!stemVowels) return false;
  const stemEndsInVowel = /[aıeioöuü]$/u.test(stem!);
  // The buffer y comes exactly after a vowel: bağla-yın, not seç-yin; sil-in, not sil-n.
  if (stemEndsInVowel !== (buffer === "y")) return false;
  return HARMONY[stemVowels.at(-1)!] === vowel;
}

/** The reason a command description is not polite, or undefined. */
function commandRegisterProblem(id: string, description: string): string | undefined {
  // "yanıtladığın kişi" (sen) rather than "yanıtladığınız kişi" (siz), anywhere in the description.
  const senParticiple = description.split(/\s+/).find((w) => /[dt][ıiuü]ğ[ıiuü]n$/u.test(w.toLocaleLowerCase("tr-TR")));
  if (senParticiple) return `"${senParticiple}" addresses the reader as sen`;
  const last = lastWord(description);
  if (NOUN_PHRASE_COMMANDS.has(id)) {
    // A noun phrase ending in -(I)n is a sen possessive ("Kurumun ve rolün"); siz is -(I)nIz.
    return /[ıiuü]n$/u.test(last) ? `"${last}" addresses the reader as sen` : undefined;
  }
  return isPoliteImperative(last) ? undefined : `"${last}" is not a siz imperative (e.g. "seçin", "ekleyin")`;
}

describe("command descriptions (the menu) address the reader as siz", () => {
  const commands = () => translator.messageIds("tr").filter((id) => id.startsWith("cmd-"));

  it("every Turkish command description ends in a siz imperative or is a noun phrase", () => {
    const problems = commands().flatMap((id) => {
      const problem = commandRegisterProblem(id, translator.t("tr", id));
      return problem ? [`${id}: ${translator.t("tr", id)} — ${problem}`] : [];
    });
    expect(commands().length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it("the noun-phrase list names only commands that exist", () => {
    expect([...NOUN_PHRASE_COMMANDS].filter((id) => !commands().includes(id))).toEqual([]);
  });

  it.each([
    ["cmd-join", "Kurumunu seç"],
    ["cmd-setup", "Bu grupta yeni bir ağ kur"],
    ["cmd-link", "Bu sohbeti bir ağa bağla"],
    ["cmd-reschedule", "Toplantıyı başka bir tarihe taşı"],
    ["cmd-network-set", "Ağ ayarını değiştir"],
    ["cmd-minutes-taker", "Yanıtladığın kişiyi tutanak tutmakla görevlendir"],
    ["cmd-minutes", "Bir toplantının tutanağını aç ya da taslağı gör: /minutes 25"],
    ["cmd-ics", "Toplantıyı takvime ekle (.ics)"],
    ["cmd-whoami", "Kurumun ve rolün"],
    ["cmd-new", "Yeni toplantı oluştur"],
    ["cmd-new", "Kurumunuzu seçyin"],
    ["cmd-new", "Kurumunuzu seçün"],
  ])("refuses the sen form %s = %j", (id, description) => {
    expect(commandRegisterProblem(id, description)).toBeDefined();
  });

  it.each([
    ["cmd-join", "Kurumunuzu seçin"],
    ["cmd-setup", "Bu grupta yeni bir ağ kurun"],
    ["cmd-link", "Bu sohbeti bir ağa bağlayın"],
    ["cmd-reschedule", "Toplantıyı başka bir tarihe taşıyın"],
    ["cmd-minutes-taker", "Yanıtladığınız kişiyi tutanak sorumlusu olarak belirleyin"],
    ["cmd-minutes", "Bir toplantının tutanağını açın ya da taslağı görün: /minutes 25"],
    ["cmd-ics", "Toplantıyı takviminize ekleyin (.ics)"],
    ["cmd-whoami", "Kurumunuz ve rolünüz"],
    ["cmd-new", "Toplantıyı iptal edin"],
  ])("accepts the siz form %s = %j", (id, description) => {
    expect(commandRegisterProblem(id, description)).toBeUndefined();
  });
});

describe("known defects stay fixed", () => {
  const tr = () => messageSources("tr");

  it("no placeable is followed by 'tarihine kadar' or 'tarihinde' (a full date-time cannot take the suffix)", () => {
    const problems = [...tr()].filter(([, { source }]) => /\}\s*tarihi(ne kadar|nde)/u.test(source)).map(([id]) => id);
    expect(problems).toEqual([]);
  });

  it("limits say what must be, not what may be", () => {
    expect([...tr()].filter(([, { source }]) => /en az \{[^}]+\}\.? olabilir/u.test(source)).map(([id]) => id)).toEqual([]);
    expect(translator.t("tr", "network-set-number-taken", { last: 30, min: 31 })).toContain("en az 31 olmalıdır");
  });

  it("the rotation says when an organisation's turn last came, true of past and planned meetings alike", () => {
    expect([...tr()].filter(([, { source }]) => /\(son \{ \$number \}\. toplantı\)/u.test(source)).map(([id]) => id)).toEqual([]);
    expect(translator.t("tr", "rotation-next-least", { org: "Buca KDM", number: 24 })).toBe("Sıradaki: Buca KDM. Ev sahipliği sırası en uzun süredir gelmeyen kurum (en son 24. toplantıda).");
    expect(translator.t("tr", "rotation-last", { number: 26 })).toBe("en son 26. toplantının ev sahibi");
    expect(translator.t("tr", "rotation-skipped", { number: 26 })).toBe("en son 26. toplantıda sırası atlandı");
  });

  it("the card counts people, never a bare number", () => {
    expect(translator.t("tr", "card-org-yes", { answers: 2, people: 5 })).toBe("5 kişi katılıyor (2 yanıt)");
    expect(translator.t("tr", "card-org-maybe", { answers: 1 })).toBe("1 kişi belki katılacak");
    expect(translator.t("tr", "card-org-waiting", { answers: 2 })).toBe("2 yanıt bekleme listesinde");
    expect(translator.t("tr", "card-total", { people: 4, maybe: 1, no: 2 })).toBe("Toplam: 4 kişi katılıyor · 1 kişi belki katılacak · 2 kişi katılamıyor");
    expect(translator.t("en", "card-total", { people: 1, maybe: 1, no: 2 })).toBe("Total: 1 person attending · 1 person may attend · 2 people can't attend");
  });

  it("each reminder offset has its own 'önce', and a network without quiet hours says so in words", () => {
    const reader = translator.reader("tr");
    const network = { reminderOffsets: [7 * 1440, 1440, 120], quietFrom: 0, quietUntil: 0 } as Network;
    const policy = policyText(reader, network);
    expect(policy).toContain("toplantıdan 7 gün önce, 1 gün önce ve 2 saat önce.");
    expect(policy).not.toContain("—");
    expect(policy).toContain("Sessiz saat tanımlanmadı");
    expect(policyText(reader, { ...network, quietFrom: 21 * 60, quietUntil: 9 * 60 })).toContain("Sessiz saatler: 21:00–09:00 (");
    expect(offsetsText(translator.reader("en"), [1440, 90])).toBe("1 day before and 1 hour 30 minutes before");
  });

  it("an action item without a due date says so instead of showing a dash", () => {
    const item = { id: 17, text: "Broşür taslağı", ownerUsername: null, ownerOrganisation: "Buca KDM", dueDate: null } as unknown as ActionItem;
    expect(actionText(translator.reader("tr"), item, true)).toBe("Broşür taslağı — Buca KDM, son tarih belirtilmemiş (#17)");
    expect(actionText(translator.reader("tr"), { ...item, dueDate: "2027-04-15" }, true)).toBe("Broşür taslağı — Buca KDM, son tarih: 15 Nisan 2027 (#17)");
  });

  it("decline buttons are courteous", () => {
    expect(translator.t("tr", "host-decline-button")).toBe("❌ Bu kez üstlenemiyoruz");
    expect(translator.t("tr", "host-swap-refuse-button")).toBe("❌ Bu kez kabul edemiyoruz");
    expect(translator.t("tr", "checkin-card", { number: 25, when: "§", venue: "§" })).toContain("Geldiyseniz");
  });
});

describe("English says what the Turkish says", () => {
  /** The variables a message uses, in every variant. */
  const variables = (source: string) => [...new Set([...source.matchAll(/\$([a-zA-Z][\w-]*)/g)].map((m) => m[1]!))].sort();

  it("every message uses the same variables in both languages", () => {
    const en = messageSources("en");
    const problems = [...messageSources("tr")].flatMap(([id, { source }]) => {
      const theirs = en.get(id);
      return theirs && variables(theirs.source).join() !== variables(source).join() ? [`${id}: tr ${variables(source).join()} / en ${variables(theirs.source).join()}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("the export caption, the data caption and the swap refusal carry the same facts", () => {
    expect(translator.t("en", "export-caption", { number: 25, count: 3 })).toContain("Excel");
    expect(translator.t("tr", "export-caption", { number: 25, count: 3 })).toContain("Excel");
    expect(translator.t("en", "privacy-mydata-caption")).toContain("KVKK");
    expect(translator.t("en", "host-swap-refused", { org: "Buca", number: 25 })).toContain("still with your organisation");
  });
});
