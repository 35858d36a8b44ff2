import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { imageSize, MAX_SIDE, PDF_DPI, pdfDpi } from './ocr.engine.ts';
import { renderCccdPdf } from './test-scan.ts';

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;

describe('OCR engine helpers', () => {
  test('imageSize reads a PNG header and the SOF segment of a JPEG (after APP segments)', () => {
    assert.deepEqual(imageSize(PNG_1x1), { width: 1, height: 1 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xdb, 0x00, 0x03, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x0d, 0xb4, 0x09, 0xb0, 0x03, 0, 0, 0, 0, 0]);
    assert.deepEqual(imageSize(jpeg), { width: 0x09b0, height: 0x0db4 });
    assert.equal(imageSize(Buffer.from('%PDF-1.7')), undefined);
  });

  test('imageSize agrees with pdftoppm on a real JPEG and PNG', { skip: hasPdftoppm ? false : 'pdftoppm is not installed (poppler-utils)' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-ocr-size-'));
    try {
      writeFileSync(join(dir, 'p.pdf'), await renderCccdPdf());
      spawnSync('pdftoppm', ['-r', '100', '-jpeg', '-singlefile', join(dir, 'p.pdf'), join(dir, 'p')]);
      spawnSync('pdftoppm', ['-r', '50', '-png', '-singlefile', join(dir, 'p.pdf'), join(dir, 'p')]);
      // A4 = 595.28 × 841.89 pt: at 100 dpi 827 × 1170, at 50 dpi 414 × 585 (poppler rounds up).
      assert.deepEqual(imageSize(readFileSync(join(dir, 'p.jpg'))), { width: 827, height: 1170 });
      assert.deepEqual(imageSize(readFileSync(join(dir, 'p.png'))), { width: 414, height: 585 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('pdfDpi keeps 300 dpi for A4 and A3 and lowers it for a poster-sized page', () => {
    assert.equal(pdfDpi('Page    1 size:  595.28 x 841.89 pts (A4)\nPage    1 rot:  0\n'), PDF_DPI);
    assert.equal(pdfDpi('Page    1 size:  841.89 x 1190.55 pts (A3)\n'), PDF_DPI);
    const poster = pdfDpi('Page    1 size:  595.28 x 841.89 pts (A4)\nPage    2 size:  14400 x 14400 pts\n');
    assert.ok(poster < PDF_DPI && (14400 / 72) * poster <= MAX_SIDE, String(poster));
    assert.equal(pdfDpi('garbage'), PDF_DPI);
  });
});
