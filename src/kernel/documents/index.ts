export { type DocxSource, documentDocx } from './docx-store.ts';
export {
  BLOCK_HEIGHT,
  BLOCK_WIDTH,
  CHAR_SPACE,
  LINE_PITCH,
  mmToTwips,
  PAGE,
} from './layout.ts';
export {
  buildOfficialDocument,
  RENDERER_VERSION,
  type RenderOptions,
  type RenderTarget,
  renderOfficialDocx,
  renderOfficialPdf,
} from './official-doc.ts';
export { renderOfficialHtml } from './official-html.ts';
export {
  docxToPdf,
  FONTS_CONF,
  PDF_TIMEOUT_MS,
  PdfConversionError,
  PdfUnavailableError,
  pdfAvailable,
} from './pdf.ts';
export { DEFAULT_PDF_QUEUE, PdfQueue, type PdfQueueOptions } from './pdf-queue.ts';
export { documentPdf, type IssuedDocument, pdfQueue } from './pdf-store.ts';
export {
  type BodyBlock,
  bodyBlockSchema,
  type OfficialDocSpec,
  officialDocSpecSchema,
} from './spec.ts';
