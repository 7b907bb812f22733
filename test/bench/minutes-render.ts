import { minutesMarkdown, type MinutesDocument } from "../../src/domain/minutes-document.ts";
import { splitIntoMessages } from "../../src/domain/split.ts";
import { minutesPdf } from "../../src/features/minutes/pdf.ts";
import { minutesHtmlBlocks } from "../../src/features/minutes/view.ts";

export interface MinutesRenderResult {
  entries: number;
  messages: number;
  markdownBytes: number;
  pdfBytes: number;
  /** Mean time to render one copy: messages, Markdown and PDF. */
  msPerCopy: number;
}

/** One copy of long minutes (Turkish text) as Telegram messages, a Markdown file and a PDF. */
export async function measureMinutesRender(entries: number, rounds = 10): Promise<MinutesRenderResult> {
  const items = Array.from({ length: entries }, (_, i) => `Karar ${i + 1}: Çiğli ve Karşıyaka şubeleri İzmir'de ortak bir atölye düzenleyecek; ğ ş İ ı`);
  const doc: MinutesDocument = {
    title: "İzmir Kadın Danışma Merkezleri Ağı — 25. toplantı tutanağı",
    facts: ["Tarih: 17 Mart 2027 Çarşamba, 10:00–15:00", "Sürüm 1"],
    sections: [{ heading: "Kararlar", items, numbered: true }],
  };
  const render = async () => {
    const messages = splitIntoMessages(minutesHtmlBlocks(doc));
    const markdown = minutesMarkdown(doc);
    const pdf = await minutesPdf(doc, new Date());
    return { messages: messages.length, markdownBytes: Buffer.byteLength(markdown), pdfBytes: pdf.length };
  };
  const first = await render();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await render();
  return { entries, ...first, msPerCopy: (performance.now() - started) / rounds };
}
