// The PDF engine (pdfkit with fontkit, ~400 KB) and its font (Noto Sans SC, ~10 MB), loaded on
// first use. Run from source, both come from node_modules; in the Lambda bundles this module is
// replaced (scripts/esbuild-plugins.mjs) by one that loads them from beside the bundle, where the
// build put them: the bundle stays small, and only a request for a document loads the engine.
import { createRequire } from 'node:module';
import type { PdfDocument } from '../domain/documents.js';

const PDF_FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

export async function renderPdf(layout: PdfDocument): Promise<Buffer> {
  const { render } = await import('./pdf-render.js');
  return render(layout, createRequire(import.meta.url).resolve(PDF_FONT_MODULE));
}
