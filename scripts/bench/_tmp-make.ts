import { extractPdfText } from '/work/main/utils/documents/pdf-text';
import { loadNodePdfjs } from '/work/main/utils/documents/pdfjs-node';
import { twoColumnPdf, textPdf, corruptPdf, makePdf, column } from '/work/main/tests/unit/documents/make-pdf';
for (const b of [twoColumnPdf(), textPdf(3, 'Gen'), makePdf([column(['Mit\u00adarbei\u00adterinnen und Mitarbeiter arbeiten in vielen Ländern gemeinsam an pro-', 'duktiven Projekten.']), []]), corruptPdf()]) {
  try { const r = await extractPdfText(b, { pdfjs: loadNodePdfjs }); console.log(JSON.stringify(r)); } catch (e: any) { console.log('ERR', e.failure); }
}
