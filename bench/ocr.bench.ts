/**
 * Benchmark of reading scans at the counter (OCR): pages per second through the engine the route uses
 * (server/modules/ocr/ocr.engine.ts: pdftoppm -r 300, then tesseract -l vie --psm 6 TSV, OMP_THREAD_LIMIT=1) on the
 * CCCD-like PDF of the integration test, 2 pages per scan (the pages read of a PDF), SCANS scans sent at once.
 *
 * Measured: a pool of os.availableParallelism() workers (the default), all scans submitted together.
 * BASELINE, in the same run on the same files: a pool of 1 worker, the scans one after another (one process at a
 * time). The two alternate ROUNDS times and the best round of each is kept. The ratio is measured ÷ baseline. Every scan of both runs must yield the ID number and the name before a
 * figure is reported. Nothing is asserted on time. Skipped (a row saying why) when tesseract is not installed.
 *
 *   npx tsx bench/ocr.bench.ts
 */
import { availableParallelism } from 'node:os';
import { createOcrEngine, extractFields, joinPages, ocrOptionsFromEnv, type OcrEngine } from '../server/modules/ocr/index.ts';
import { renderCccdPdf, SCAN_APPLICANT } from '../server/modules/ocr/test-scan.ts';
import type { BenchResult } from './http.bench.ts';


const SCANS = 6;
const PAGES_PER_SCAN = 2;
const ROUNDS = 3;

/** Reads a scan and checks what it read, so a fast wrong answer is never reported. */
async function readOne(engine: OcrEngine, pdf: Buffer): Promise<number> {
  const { pages } = await engine.recognise(pdf, 'application/pdf');
  const f = extractFields(joinPages(pages.flatMap((p) => (p.text ? [p.text] : []))));
  if (f.idNumber?.value !== SCAN_APPLICANT.idNumber || f.name?.value !== SCAN_APPLICANT.name.normalize('NFC')) throw new Error(`wrong read: ${JSON.stringify(f)}`);
  return pages.filter((p) => p.text).length;
}

export async function runOcrBench(): Promise<BenchResult[]> {
  const workers = availableParallelism();
  const opts = { ...ocrOptionsFromEnv({}), queueLimit: SCANS * PAGES_PER_SCAN, pageTimeoutMs: 120_000 };
  const pooled = createOcrEngine({ ...opts, workers });
  const single = createOcrEngine({ ...opts, workers: 1 });
  const status = await pooled.status();
  if (!status.available) {
    return [{ name: 'OCR pages/s', value: 0, unit: 'pages/s', baseline: 0, baselineName: 'skipped', ratio: 0, note: `skipped: ${status.reason}` }];
  }
  const pdf = await renderCccdPdf(PAGES_PER_SCAN);
  await readOne(single, pdf); // warm-up: model and binaries in the page cache

  // Alternate the two ways ROUNDS times and keep the best of each: other work on a shared machine slows one round,
  // not all of them.
  let singleS = Infinity;
  let pooledS = Infinity;
  let pagesSingle = 0;
  let pagesPooled = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    let pages = 0;
    for (let i = 0; i < SCANS; i++) pages += await readOne(single, pdf);
    const s1 = (performance.now() - t) / 1000;
    if (s1 / pages < singleS / (pagesSingle || 1) || !pagesSingle) [singleS, pagesSingle] = [s1, pages];
    t = performance.now();
    pages = (await Promise.all(Array.from({ length: SCANS }, () => readOne(pooled, pdf)))).reduce((a, b) => a + b, 0);
    const s2 = (performance.now() - t) / 1000;
    if (s2 / pages < pooledS / (pagesPooled || 1) || !pagesPooled) [pooledS, pagesPooled] = [s2, pages];
  }

  const value = pagesPooled / pooledS;
  const baseline = pagesSingle / singleS;
  return [
    {
      name: `OCR pages/s, ${SCANS} scans × ${PAGES_PER_SCAN} pages (A4, 300 dpi), pool of ${workers}`,
      value,
      unit: 'pages/s',
      baseline,
      baselineName: 'one process at a time',
      ratio: value / baseline,
      note: `${status.version}; pooled ${pooledS.toFixed(1)} s, one at a time ${singleS.toFixed(1)} s for ${pagesPooled} pages (${((pooledS / pagesPooled) * 1000).toFixed(0)} vs ${((singleS / pagesSingle) * 1000).toFixed(0)} ms/page)`,
    },
  ];
}

if (process.argv[1]?.endsWith('ocr.bench.ts')) {
  for (const r of await runOcrBench()) {
    console.log(r.name);
    console.log(`  ${r.value.toFixed(2)} ${r.unit}   baseline (${r.baselineName}) ${r.baseline.toFixed(2)} ${r.unit}   ratio ${r.ratio.toFixed(2)}×`);
    if (r.note) console.log(`  ${r.note}`);
  }
}
