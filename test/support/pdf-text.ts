// A PDF's text as a reader sees it, extracted with pdfjs-dist (Mozilla's PDF engine): the file
// must parse, and every page's text comes back in reading order, one line per text item.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: number;
  /** Every page's text items, one per line. */
  text: string;
  title: string | undefined;
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim() !== '') lines.push(item.str);
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  const pages = document.numPages;
  await document.destroy();
  return { pages, text: lines.join('\n'), title: info.Title };
}
