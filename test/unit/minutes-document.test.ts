import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { minutesMarkdown, type MinutesDocument } from "../../src/domain/minutes-document.ts";
import { splitIntoMessages } from "../../src/domain/split.ts";
import { minutesPdf } from "../../src/features/minutes/pdf.ts";
import { minutesHtmlBlocks } from "../../src/features/minutes/view.ts";

const doc = (items: string[]): MinutesDocument => ({
  title: "İzmir Kadın Danışma Merkezleri Ağı — 25. toplantı tutanağı",
  facts: ["Tarih: 17 Mart 2027 Çarşamba, 10:00–15:00", "Yer: Buca Kadın Dayanışma Evi", "Sürüm 1"],
  sections: [
    { heading: "Katılım", items: ["Buca KDM (2): Ayşe Yılmaz, Gülşen Işık", "Karşıyaka: 1 kişi"] },
    { heading: "Kararlar", items, numbered: true, empty: "Karar alınmadı." },
    { heading: "Eylemler", items: [], empty: "Eylem maddesi yok." },
  ],
});

describe("minutes as Telegram messages", () => {
  it("escapes what people wrote and bolds only the headings", () => {
    const blocks = minutesHtmlBlocks(doc(["<script> & \"tırnak\""]));
    expect(blocks).toContain("1. &lt;script&gt; &amp; \"tırnak\"");
    expect(blocks).toContain("<b>Kararlar</b>");
    expect(blocks).toContain("<i>Eylem maddesi yok.</i>");
  });

  it("splits long minutes at 4096 characters between entries, never inside one", () => {
    const entries = Array.from({ length: 60 }, (_, i) => `Karar ${i + 1}: ${"ğşİı".repeat(50)}\nikinci satır ${i + 1}`);
    const messages = splitIntoMessages(minutesHtmlBlocks(doc(entries)));
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(4096);
    const joined = messages.join("\n");
    for (const [i, entry] of entries.entries()) {
      // Each entry, both of its lines, lies whole inside one message.
      expect(messages.filter((m) => m.includes(`${i + 1}. ${entry}`))).toHaveLength(1);
    }
    expect(joined).toBe(minutesHtmlBlocks(doc(entries)).join("\n"));
  });
});

describe("minutes as Markdown", () => {
  it("has the title, sections and list items, with Markdown characters escaped", () => {
    const markdown = minutesMarkdown(doc(["*yıldız* _alt_ [bağlantı](x)", "- tire ile başlayan"]));
    expect(markdown).toBe(
      [
        "# İzmir Kadın Danışma Merkezleri Ağı — 25. toplantı tutanağı",
        "",
        "Tarih: 17 Mart 2027 Çarşamba, 10:00–15:00  ",
        "Yer: Buca Kadın Dayanışma Evi  ",
        "Sürüm 1  ",
        "",
        "## Katılım",
        "",
        "- Buca KDM (2): Ayşe Yılmaz, Gülşen Işık",
        "- Karşıyaka: 1 kişi",
        "",
        "## Kararlar",
        "",
        "1. \\*yıldız\\* \\_alt\\_ \\[bağlantı\\](x)",
        "2. \\- tire ile başlayan",
        "",
        "## Eylemler",
        "",
        "_Eylem maddesi yok._",
        "",
      ].join("\n"),
    );
  });
});

describe("minutes as PDF", () => {
  it("embeds a font that renders Turkish letters: the text extracts back unchanged", async () => {
    const pdf = await minutesPdf(doc(["Çiğli ve Işıklar şubesi İİ ıı ĞğŞşÜüÖöÇç"]), new Date("2027-03-17T12:00:00Z"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const extracted = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    // A long title wraps onto a second line in the PDF.
    const text = extracted.text.replace(/\s+/g, " ");
    expect(text).toContain("İzmir Kadın Danışma Merkezleri Ağı — 25. toplantı tutanağı");
    expect(text).toContain("Buca KDM (2): Ayşe Yılmaz, Gülşen Işık");
    expect(text).toContain("1. Çiğli ve Işıklar şubesi İİ ıı ĞğŞşÜüÖöÇç");
    expect(text).toContain("Eylem maddesi yok.");
  });
});
