/**
 * OCR with Debian's tesseract CLI (tesseract-ocr + tesseract-ocr-vie), run through child_process:
 * `tesseract <image> - -l vie --psm 6 tsv` with OMP_THREAD_LIMIT=1 (tesseract's OpenMP threads make a page take
 * 2.6–63 s instead of ~2.5 s on 2 cores; one single-threaded process per core is 5× the throughput — research
 * ai-ocr-documents.md §1). PDFs are rendered first with `pdftoppm -r 300 -png` (the first MAX_PAGES pages).
 * Every process runs in the worker pool (ocr.pool.ts) and is killed after the time limit per page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AcceptedType } from '../../platform/files.ts';
import { OcrError } from './ocr.errors.ts';
import { OCR_REFUSALS } from './ocr.messages.ts';
import { createPool, type OcrPool } from './ocr.pool.ts';
import { parseTsv, type OcrText } from './ocr.text.ts';

/** Pages of a PDF that are read (an ID card or a form's first page carries the applicant's details). */
export const MAX_PAGES = 2;
/** Rendering resolution of PDF pages: tesseract reads 300 dpi text best. */
export const PDF_DPI = 300;
/**
 * Largest side of a page image, in pixels. A4 at 300 dpi is 2480 × 3508, A3 3508 × 4961. A PDF page larger than
 * MAX_SIDE at 300 dpi is rendered at a lower resolution; an image above MAX_PIXELS is refused (ocr.service.ts): a
 * small upload (a flat PNG compresses ~1000:1) must not make tesseract allocate gigabytes.
 */
export const MAX_SIDE = 7000;
export const MAX_PIXELS = 50_000_000;

/** Width and height of a PNG (IHDR) or JPEG (first SOFn segment); undefined when the header cannot be read. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const u16 = (i: number) => (bytes[i] << 8) | bytes[i + 1];
  const u32 = (i: number) => ((bytes[i] << 24) >>> 0) + (bytes[i + 1] << 16) + (bytes[i + 2] << 8) + bytes[i + 3];
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes.length >= 24) return { width: u32(16), height: u32(20) };
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: u16(i + 7), height: u16(i + 5) };
    i += 2 + u16(i + 2);
  }
  return undefined;
}

/** The resolution to render a PDF at: PDF_DPI, lowered so that the largest of the pages read stays within MAX_SIDE. */
export function pdfDpi(pdfinfo: string): number {
  let largest = 0;
  for (const m of pdfinfo.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gm)) largest = Math.max(largest, Number(m[1]), Number(m[2]));
  if (!largest) return PDF_DPI;
  return Math.max(10, Math.min(PDF_DPI, Math.floor(MAX_SIDE / (largest / 72))));
}

export interface OcrOptions {
  /** tesseract executable (OCR_TESSERACT, default `tesseract` on the PATH). */
  tesseract: string;
  /** pdftoppm executable of poppler-utils (OCR_PDFTOPPM, default `pdftoppm`; pdfinfo is taken from the same folder). */
  pdftoppm: string;
  /** Processes at once (OCR_WORKERS, default os.availableParallelism()). */
  workers: number;
  /** Requests allowed to wait for a worker before 503 OCR_BUSY (OCR_QUEUE_LIMIT, default 4 per worker). */
  queueLimit: number;
  /** A page (render or recognition) is killed after this many ms (OCR_PAGE_TIMEOUT_MS, default 30,000). */
  pageTimeoutMs: number;
}

const intFrom = (raw: string | undefined, fallback: number, min: number) => {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= min ? n : fallback;
};

/** The engine's options from the environment (documented in docs/ocr.md), with their defaults. */
export function ocrOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OcrOptions {
  const workers = intFrom(env.OCR_WORKERS, availableParallelism(), 1);
  return {
    tesseract: env.OCR_TESSERACT || 'tesseract',
    pdftoppm: env.OCR_PDFTOPPM || 'pdftoppm',
    workers,
    queueLimit: intFrom(env.OCR_QUEUE_LIMIT, workers * 4, 0),
    pageTimeoutMs: intFrom(env.OCR_PAGE_TIMEOUT_MS, 30_000, 100),
  };
}

export interface OcrStatus {
  available: boolean;
  /** PDFs can be read (pdftoppm present). */
  pdf: boolean;
  /** e.g. "tesseract 5.3.0"; null when not installed. */
  version: string | null;
  languages: string[];
  workers: number;
  queueLimit: number;
  pageTimeoutMs: number;
  /** Why OCR is unavailable, in English, for the administrator. */
  reason: string | null;
}

export interface PageResult {
  page: number;
  text: OcrText | null;
  /** Set when the page could not be read. */
  problem: 'timeout' | 'failed' | null;
}

export interface Recognition {
  pages: PageResult[];
}

export interface OcrEngine {
  readonly options: OcrOptions;
  readonly pool: OcrPool;
  /** Whether tesseract with Vietnamese is installed (probed once; a failed probe is retried after 30 s). */
  status(): Promise<OcrStatus>;
  /**
   * Recognises the first MAX_PAGES pages of a PDF, or one image. Pages that time out or fail are reported, not
   * thrown, as long as one page was read.
   * @throws OcrError OCR_UNAVAILABLE, OCR_BUSY (queue full), OCR_TIMEOUT (no page read in time), OCR_UNREADABLE.
   */
  recognise(bytes: Uint8Array, mediaType: AcceptedType): Promise<Recognition>;
}

interface RunResult {
  stdout: string;
  timedOut: boolean;
  failed: boolean;
  stderr: string;
}

/** Runs a program without a shell; a run past `timeoutMs` is killed (SIGKILL) and reported as timed out. */
function runProgram(file: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { killed?: boolean; signal?: string }) | null;
      resolve({ stdout: stdout ?? '', stderr: stderr ?? '', timedOut: !!e && (e.killed === true || e.signal === 'SIGKILL'), failed: !!e });
    });
  });
}

async function probe(opts: OcrOptions): Promise<OcrStatus> {
  const base = { workers: opts.workers, queueLimit: opts.queueLimit, pageTimeoutMs: opts.pageTimeoutMs };
  const version = await runProgram(opts.tesseract, ['--version'], 10_000);
  if (version.failed) return { ...base, available: false, pdf: false, version: null, languages: [], reason: `${opts.tesseract} could not be run: install tesseract-ocr and tesseract-ocr-vie` };
  const langs = await runProgram(opts.tesseract, ['--list-langs'], 10_000);
  const languages = `${langs.stdout}\n${langs.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[a-z_]+$/.test(l));
  const pdf = !(await runProgram(opts.pdftoppm, ['-v'], 10_000)).failed;
  const v = /tesseract\s+v?([\d.]+)/i.exec(`${version.stdout}\n${version.stderr}`);
  const available = languages.includes('vie');
  return { ...base, available, pdf, version: v ? `tesseract ${v[1]}` : 'tesseract', languages, reason: available ? null : 'the Vietnamese data is missing: install tesseract-ocr-vie' };
}

export function createOcrEngine(options: OcrOptions = ocrOptionsFromEnv()): OcrEngine {
  const pool = createPool(options.workers, options.queueLimit);
  let probed: { at: number; status: Promise<OcrStatus> } | undefined;

  const status = async () => {
    if (!probed || (Date.now() - probed.at > 30_000 && !(await probed.status).available)) probed = { at: Date.now(), status: probe(options) };
    return probed.status;
  };

  const readImage = async (path: string, admit: boolean): Promise<{ text: OcrText | null; problem: PageResult['problem'] }> => {
    const r = await pool.run(() => runProgram(options.tesseract, [path, '-', '-l', 'vie', '--psm', '6', 'tsv'], options.pageTimeoutMs), { admit });
    if (r.timedOut) return { text: null, problem: 'timeout' };
    if (r.failed) return { text: null, problem: 'failed' };
    return { text: parseTsv(r.stdout), problem: null };
  };

  return {
    options,
    pool,
    status,
    async recognise(bytes, mediaType) {
      const st = await status();
      if (!st.available) throw new OcrError('OCR_UNAVAILABLE', st.reason ?? 'tesseract is not available');
      if (mediaType === 'application/pdf' && !st.pdf) throw new OcrError('OCR_UNAVAILABLE', OCR_REFUSALS.pdfUnavailable, { program: options.pdftoppm });
      const dir = await mkdtemp(join(tmpdir(), 'motcua-ocr-'));
      try {
        const input = join(dir, mediaType === 'application/pdf' ? 'scan.pdf' : mediaType === 'image/png' ? 'scan.png' : 'scan.jpg');
        await writeFile(input, bytes);
        let images: string[];
        if (mediaType === 'application/pdf') {
          const r = await pool.run(async () => {
            const info = await runProgram(join(dirname(options.pdftoppm), 'pdfinfo'), ['-f', '1', '-l', String(MAX_PAGES), input], options.pageTimeoutMs);
            const dpi = info.failed ? PDF_DPI : pdfDpi(info.stdout);
            return runProgram(options.pdftoppm, ['-r', String(dpi), '-png', '-f', '1', '-l', String(MAX_PAGES), input, join(dir, 'page')], options.pageTimeoutMs * MAX_PAGES);
          }, { admit: true });
          if (r.timedOut) throw new OcrError('OCR_TIMEOUT', `rendering the PDF took more than ${options.pageTimeoutMs * MAX_PAGES} ms`);
          images = (await readdir(dir))
            .filter((f) => /^page-\d+\.png$/.test(f))
            .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
            .map((f) => join(dir, f));
          if (images.length === 0) throw new OcrError('OCR_UNREADABLE', OCR_REFUSALS.pdfWithoutPage);
        } else {
          images = [input];
        }
        // Pages of one scan run side by side on the pool's workers.
        const results = await Promise.all(images.map((img, i) => readImage(img, mediaType !== 'application/pdf' && i === 0)));
        const pages = results.map((r, i) => ({ page: i + 1, ...r }));
        if (pages.every((p) => !p.text)) {
          if (pages.some((p) => p.problem === 'timeout')) throw new OcrError('OCR_TIMEOUT', `no page was read within ${options.pageTimeoutMs} ms`);
          throw new OcrError('OCR_UNREADABLE', OCR_REFUSALS.textUnreadable);
        }
        return { pages };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
