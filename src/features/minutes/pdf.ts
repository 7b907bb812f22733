import { createRequire } from "node:module";
import { itemsOf, type MinutesDocument } from "../../domain/minutes-document.ts";

const require = createRequire(import.meta.url);
// DejaVu covers Turkish (ğ ş İ ı) and is shipped as an npm package, so no system font is needed.
const REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/**
 * The minutes as an A4 PDF with embedded fonts; text stays extractable (searchable, copyable).
 * pdfkit is loaded the first time a PDF is made: most processes never make one.
 */
export async function minutesPdf(doc: MinutesDocument, createdAt: Date): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: doc.title, Creator: "ortak", CreationDate: createdAt } });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.font(BOLD).fontSize(16).text(doc.title);
  pdf.moveDown(0.5).font(REGULAR).fontSize(10);
  for (const fact of doc.facts) pdf.text(fact);
  for (const section of doc.sections) {
    pdf.moveDown(1).font(BOLD).fontSize(12).text(section.heading);
    pdf.moveDown(0.3).font(REGULAR).fontSize(10);
    for (const item of itemsOf(section)) {
      if (item.marker === "") pdf.fillColor("#555555").text(item.text).fillColor("black");
      else pdf.text(`${item.marker} ${item.text}`, { indent: 0, paragraphGap: 2 });
    }
  }
  pdf.end();
  return finished;
}
