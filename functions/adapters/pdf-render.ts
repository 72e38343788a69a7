// Draws a document's layout (domain/documents.ts) as an A4 PDF with pdfkit, in Noto Sans SC.
// pdfkit embeds only the glyphs the document uses (a subset of the ~10 MB font), so a month's
// statement is tens of KB. Loaded on first use through adapters/pdf.ts, never imported directly.
import PDFDocument from 'pdfkit';
import type { PdfDocument } from '../domain/documents.js';

const MARGIN = 40;
const INK = '#1f2329';
const MUTED = '#5c6370';
const RULE = '#d0d5dd';
const CELL_PADDING = 3;

export function render(layout: PdfDocument, fontPath: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: fontPath,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: layout.title, Author: '近邻银行', Creator: '近邻银行', Producer: 'pdfkit' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(INK).fontSize(18).text(layout.heading, { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(10.5);
  for (const [label, value] of layout.facts) {
    const y = doc.y;
    doc.fillColor(MUTED).text(label, MARGIN, y, { width: 80 });
    doc.fillColor(INK).text(value, MARGIN + 88, y, { width: width - 88 });
    doc.moveDown(0.3);
  }
  if (layout.table) drawTable(doc, layout.table, width);
  doc.moveDown(0.8);
  doc.fontSize(10.5).fillColor(INK);
  for (const paragraph of layout.paragraphs) {
    doc.text(paragraph, MARGIN, doc.y, { width, lineGap: 3 });
    doc.moveDown(0.5);
  }

  // The footer on every page, inside the bottom margin (pdfkit would otherwise start a page).
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor(MUTED).text(`${layout.footer} · 第 ${index + 1} / ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 12, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, table: NonNullable<PdfDocument['table']>, width: number) {
  doc.moveDown(0.8);
  doc.fontSize(8);
  const row = (cells: string[], header: boolean) => {
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: table.columns[i]!.width - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header) row(table.columns.map((column) => column.header), true);
    }
    const y = doc.y;
    if (header) doc.rect(MARGIN, y, width, height).fill('#f2f4f7');
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const column = table.columns[i]!;
      doc.fillColor(header ? MUTED : INK).text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: column.width - 2 * CELL_PADDING, align: column.align });
      x += column.width;
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(table.columns.map((column) => column.header), true);
  for (const cells of table.rows) row(cells, false);
}
