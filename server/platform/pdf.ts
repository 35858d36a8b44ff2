import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);

/**
 * Fonts that cover Vietnamese. Liberation Serif (Debian `fonts-liberation2`) is metric-compatible with Times
 * New Roman, the face of administrative documents; when it is not installed, DejaVu Serif from the
 * `dejavu-fonts-ttf` npm package is used, so PDFs render on a fresh machine too.
 */
function resolveFonts(): { regular: string; bold: string; italic: string; family: string } {
  const lib = '/usr/share/fonts/truetype/liberation2';
  if (existsSync(join(lib, 'LiberationSerif-Regular.ttf'))) {
    return { regular: join(lib, 'LiberationSerif-Regular.ttf'), bold: join(lib, 'LiberationSerif-Bold.ttf'), italic: join(lib, 'LiberationSerif-Italic.ttf'), family: 'Liberation Serif' };
  }
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: join(dir, 'DejaVuSerif.ttf'), bold: join(dir, 'DejaVuSerif-Bold.ttf'), italic: join(dir, 'DejaVuSerif-Italic.ttf'), family: 'DejaVu Serif' };
}

let fonts: ReturnType<typeof resolveFonts> | undefined;

/** A new A4 document with fonts 'R', 'B' and 'I' registered. Collect it with `pdfToBuffer`. */
export function newPdf(info: { title: string; subject?: string }): PDFKit.PDFDocument {
  fonts ??= resolveFonts();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 70, right: 56 }, info: { Title: info.title, Subject: info.subject ?? '', Producer: 'motcua' } });
  doc.registerFont('R', fonts.regular);
  doc.registerFont('B', fonts.bold);
  doc.registerFont('I', fonts.italic);
  doc.font('R');
  return doc;
}

export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws a QR code as vector squares (crisp in print, decodable by phone cameras and zbarimg). */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  doc.save().rect(x, y, size, size).fill('#ffffff').fillColor('#000000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
  }
  doc.fill('#000000').restore();
}

/** The national motto heading of administrative documents (Quốc hiệu, tiêu ngữ) with the issuing body on the left. */
export function drawOfficialHeader(doc: PDFKit.PDFDocument, issuer: { parent: string; name: string }, placeDate: string) {
  const top = doc.y;
  const leftW = 220;
  const rightX = doc.page.margins.left + leftW + 10;
  const rightW = doc.page.width - doc.page.margins.right - rightX;
  doc.font('R').fontSize(11).text(issuer.parent.toUpperCase(), doc.page.margins.left, top, { width: leftW, align: 'center' });
  doc.font('B').fontSize(11).text(issuer.name.toUpperCase(), { width: leftW, align: 'center' });
  const leftBottom = doc.y;
  doc.font('B').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightW, align: 'center' });
  doc.font('B').fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { width: rightW, align: 'center', underline: true });
  doc.moveDown(0.4);
  doc.font('I').fontSize(11).text(placeDate, { width: rightW, align: 'center' });
  doc.x = doc.page.margins.left;
  doc.y = Math.max(leftBottom, doc.y) + 16;
}
