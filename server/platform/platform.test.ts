import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { diskFileStore, sniffType } from './files.ts';
import { smtpMailer } from './mail.ts';
import { drawOfficialHeader, drawQr, newPdf, pdfToBuffer } from './pdf.ts';
import { AppError } from './errors.ts';

/** Reads one header of a raw message, unfolding lines and decoding RFC 2047 encoded words. */
function decodeHeader(raw: string, name: string): string {
  const unfolded = raw.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;

describe('file store', () => {
  const root = mkdtempSync(join(tmpdir(), 'motcua-files-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const store = diskFileStore(root, 1024);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  test('sniffs PDF, JPEG and PNG by their first bytes, not by name', () => {
    assert.equal(sniffType(new TextEncoder().encode('%PDF-1.7 …')), 'application/pdf');
    assert.equal(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniffType(png), 'image/png');
    assert.equal(sniffType(new TextEncoder().encode('<script>alert(1)</script>')), undefined);
  });

  test('stores content-addressed, once, and reads back the same bytes', async () => {
    const a = await store.put(png);
    const b = await store.put(png);
    assert.equal(a.sha256, b.sha256);
    assert.equal(a.sha256, createHash('sha256').update(png).digest('hex'));
    assert.deepEqual(await store.get(a.sha256), png);
    assert.equal(store.has(a.sha256), true);
  });

  test('refuses a wrong type or an oversized file with a clear error, storing nothing', async () => {
    await assert.rejects(store.put(new TextEncoder().encode('MZ executable')), (e: AppError) => e.code === 'UNSUPPORTED_MEDIA_TYPE' && e.fields![0].message.vi.includes('PDF'));
    await assert.rejects(store.put(new Uint8Array(2048).fill(0x25)), (e: AppError) => e.code === 'PAYLOAD_TOO_LARGE');
    await assert.rejects(store.get('../../etc/passwd'), (e: AppError) => e.code === 'NOT_FOUND');
  });
});

describe('PDF', () => {
  test('renders Vietnamese text and a QR code that pdftotext reads back', { skip: !hasPdftotext && 'pdftotext (poppler-utils) not installed' }, async () => {
    const doc = newPdf({ title: 'Giấy tiếp nhận hồ sơ' });
    drawOfficialHeader(doc, { parent: 'Ủy ban nhân dân xã Tiên Yên', name: 'Trung tâm Phục vụ hành chính công' }, 'Tiên Yên, ngày 27 tháng 11 năm 2026');
    doc.font('B').fontSize(14).text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { align: 'center' });
    doc.font('R').fontSize(12).text('Mã hồ sơ: 000.00.00.H40-261127-0001 — Ông/bà Nguyễn Văn Ánh, Đường Lý Thường Kiệt');
    drawQr(doc, 'https://motcua.example/tra-cuu?ma=000.00.00.H40-261127-0001', 400, 600, 110);
    const pdf = await pdfToBuffer(doc);
    const dir = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-']).toString('utf8').normalize('NFC');
      assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      assert.match(text, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
      assert.match(text, /Nguyễn Văn Ánh/);
      assert.match(text, /000\.00\.00\.H40-261127-0001/);
      if (hasZbar) {
        execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'a.pdf'), join(dir, 'page')]);
        const decoded = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page.png')]).toString('utf8').trim();
        assert.equal(decoded, 'https://motcua.example/tra-cuu?ma=000.00.00.H40-261127-0001');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mail over SMTP', () => {
  test('a message reaches a real local SMTP server with its Vietnamese subject intact', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          received.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as { port: number }).port;
    try {
      const mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: 'motcua <no-reply@motcua.example>' });
      await mailer.send({ to: 'an@example.vn', subject: 'Hồ sơ đã được tiếp nhận', text: 'Kính gửi ông Nguyễn Văn An' });
      assert.equal(received.length, 1);
      assert.match(received[0], /To: an@example\.vn/);
      assert.equal(decodeHeader(received[0], 'Subject'), 'Hồ sơ đã được tiếp nhận');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
