/**
 * Benchmark of the public catalogue search (requirement: search over 10,000 procedures answers in under 50 ms p95).
 *
 * Fills a fresh in-memory PGlite (or BENCH_DATABASE_URL) with 10,000 procedures (12,000 versions: one in five has a
 * second, later version, so the "version in force" filter has work to do), then runs a fixed mix of 40 realistic
 * searches — accent-free and accented words, national codes — through `searchProcedures`, the function the route
 * calls (in force today, status active, first page of 20 with the total), and again through the HTTP app
 * (`app.inject`, public route, no login).
 *
 * BASELINE, measured in the same run on the same data: the same searches after `DROP INDEX` of the trigram index
 * (procedure_versions_search_idx), i.e. a sequential scan of search_text; the index is then re-created and the
 * measured run follows. Both must return the same totals for every query before any figure is reported. The
 * ratio is baseline p95 ÷ measured p95 (how many times faster the index makes the search). For the HTTP row the
 * baseline is `GET /api/health` through the same app (the framework's floor).
 *
 *   npx tsx bench/procedures.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { buildApp } from '../server/http/app.ts';
import { todayVn } from '../server/platform/clock.ts';
import { searchProcedures } from '../server/modules/procedures/index.ts';
import { procedures, procedureVersions } from '../server/modules/procedures/procedures.schema.ts';
import { units } from '../server/modules/units/units.schema.ts';
import type { BenchResult } from './http.bench.ts';


const N = 10_000;
const RUNS = 10; // passes over the query mix for each measurement

/** Small seeded PRNG (mulberry32) so that runs are comparable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = ['Đăng ký', 'Cấp', 'Cấp lại', 'Cấp đổi', 'Điều chỉnh', 'Gia hạn', 'Xác nhận', 'Thu hồi', 'Công nhận', 'Chứng thực', 'Hỗ trợ', 'Giải quyết', 'Thẩm định', 'Phê duyệt', 'Thông báo'];
const OBJECTS = [
  'khai sinh', 'kết hôn', 'khai tử', 'nhận cha, mẹ, con', 'giám hộ', 'thay đổi, cải chính hộ tịch', 'tình trạng hôn nhân', 'bản sao trích lục hộ tịch',
  'bản sao từ bản chính', 'chữ ký', 'hợp đồng, giao dịch', 'di chúc', 'thường trú', 'tạm trú', 'tạm vắng', 'thông tin về cư trú', 'giấy phép xây dựng',
  'giấy chứng nhận quyền sử dụng đất', 'biến động đất đai', 'chuyển mục đích sử dụng đất', 'hộ kinh doanh', 'trợ cấp xã hội hằng tháng', 'mức độ khuyết tật',
  'hộ nghèo, hộ cận nghèo', 'chi phí mai táng', 'trợ cấp thờ cúng liệt sĩ', 'hòa giải viên', 'gia đình văn hóa', 'hoạt động tín ngưỡng', 'giấy phép kinh doanh karaoke',
  'giấy phép lái xe', 'biển số xe', 'chứng chỉ hành nghề y', 'giấy phép hoạt động giáo dục', 'trường mẫu giáo', 'nhóm trẻ độc lập', 'giấy phép khai thác nước',
  'kế hoạch bảo vệ môi trường', 'chuyển đổi cơ cấu cây trồng', 'giấy khen', 'phiếu lý lịch tư pháp', 'doanh nghiệp tư nhân', 'hợp tác xã', 'quỹ xã hội', 'hội',
];
const QUALIFIERS = ['', '', '', ' đối với cá nhân', ' cho hộ gia đình', ' có yếu tố nước ngoài', ' lưu động', ' trong nước', ' tại cấp xã', ' tại cấp tỉnh', ' trực tuyến', ' cho người đã có hồ sơ'];
const FIELDS = ['civil_status', 'certification', 'residence', 'land', 'construction', 'business_household', 'social_protection', 'education', 'health', 'transport', 'culture', 'other'];

/** The query mix: what people type in the catalogue's search box. */
const QUERIES = [
  'dang ky khai sinh', 'Đăng ký khai sinh', 'ket hon', 'khai tu', 'giam ho', 'cai chinh ho tich', 'tinh trang hon nhan', 'trich luc',
  'chung thuc', 'chứng thực chữ ký', 'hop dong', 'di chuc', 'thuong tru', 'tạm trú', 'tam vang', 'xac nhan thong tin ve cu tru',
  'giay phep xay dung', 'GIẤY PHÉP XÂY DỰNG', 'quyen su dung dat', 'bien dong dat dai', 'ho kinh doanh', 'đăng ký hộ kinh doanh', 'tro cap xa hoi',
  'khuyet tat', 'ho ngheo', 'mai tang', 'liet si', 'hoa giai', 'gia dinh van hoa', 'tin nguong', 'karaoke', 'lai xe', 'mau giao',
  'moi truong', 'cay trong', 'ly lich tu phap', 'doanh nghiep', 'co yeu to nuoc ngoai', '1.001193', 'BN-000123',
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Runs the benchmark and returns its figures (also used by `npm run bench`). */
export async function runProceduresBench(opts: { databaseUrl?: string } = {}): Promise<BenchResult[]> {
  const database = await openDatabase({ url: opts.databaseUrl });
  const db = database.db;
  const [unit] = await db.insert(units).values({ name: 'Xã Benchmark', kind: 'commune', validFrom: '2020-01-01', isDemo: true }).returning();
  const rnd = prng(20260401);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const today = todayVn();

  // ---- Fill ----
  const t0 = performance.now();
  const procRows: Array<typeof procedures.$inferInsert> = [];
  const versionRows: Array<typeof procedureVersions.$inferInsert> = [];
  for (let i = 0; i < N; i++) {
    const id = randomUUID();
    const code = `BN-${String(i).padStart(6, '0')}`;
    const name = `${pick(ACTIONS)} ${pick(OBJECTS)}${pick(QUALIFIERS)}`;
    const twoVersions = rnd() < 0.2;
    procRows.push({ id, ownerUnitId: unit.id, code, version: twoVersions ? 2 : 1 });
    const content = {
      nationalCode: rnd() < 0.5 ? `${1 + Math.floor(rnd() * 2)}.${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}` : null,
      nationalCodeUnconfirmed: true,
      name,
      nameEn: null,
      nameFr: null,
      field: pick(FIELDS),
      authorityLevel: rnd() < 0.8 ? 'commune' : 'province',
      implementingUnitIds: [unit.id],
      legalBases: ['Nghị định số 118/2025/NĐ-CP'],
      decisionRef: null,
      processingTime: { value: 1 + Math.floor(rnd() * 20), unit: 'working_day' as const },
      processingTimeOnline: null,
      steps: [],
      documents: [{ name: 'Đơn đề nghị', form: 'original' as const, count: 1, templateFile: 'Don.docx', note: null }],
      fees: [{ name: 'Lệ phí', amount: Math.floor(rnd() * 20) * 10_000, note: null }],
      onlineLevel: pick(['full', 'partial', 'none']),
      resultType: 'Văn bản',
      resultDigitised: false,
      status: rnd() < 0.95 ? 'active' : 'suspended',
    };
    versionRows.push({ ...content, procedureId: id, ownerUnitId: unit.id, code, versionNo: 1, effectiveFrom: '2025-07-01', op: { kind: 'seed' } });
    if (twoVersions) {
      // Half of the second versions are already in force, half scheduled after today.
      versionRows.push({ ...content, processingTime: { value: 1, unit: 'working_day' }, procedureId: id, ownerUnitId: unit.id, code, versionNo: 2, effectiveFrom: rnd() < 0.5 ? '2026-01-01' : '2099-01-01', op: { kind: 'edit', fields: {} } });
    }
  }
  for (let i = 0; i < procRows.length; i += 1000) await db.insert(procedures).values(procRows.slice(i, i + 1000));
  for (let i = 0; i < versionRows.length; i += 1000) await db.insert(procedureVersions).values(versionRows.slice(i, i + 1000));
  await database.query('ANALYZE procedure_versions');
  await database.query('ANALYZE procedures');
  const fillMs = performance.now() - t0;

  const search = (q: string) => searchProcedures(db, { q, asOf: today, status: 'active', limit: 20, offset: 0 });
  const measure = async () => {
    const times: number[] = [];
    const totals = new Map<string, number>();
    for (const q of QUERIES) totals.set(q, (await search(q)).total); // warm-up, and the answers
    for (let r = 0; r < RUNS; r++) {
      for (const q of QUERIES) {
        const t = performance.now();
        await search(q);
        times.push(performance.now() - t);
      }
    }
    return { p50: pct(times, 50), p95: pct(times, 95), totals };
  };

  // ---- Baseline: the same searches without the trigram index ----
  await database.query('DROP INDEX procedure_versions_search_idx');
  const base = await measure();
  await database.query('CREATE INDEX procedure_versions_search_idx ON procedure_versions USING gin (search_text gin_trgm_ops)');
  await database.query('ANALYZE procedure_versions');
  const indexed = await measure();
  for (const q of QUERIES) {
    if (base.totals.get(q) !== indexed.totals.get(q)) throw new Error(`answers differ for "${q}": ${base.totals.get(q)} vs ${indexed.totals.get(q)}`);
  }
  if (!(indexed.totals.get('dang ky khai sinh')! > 0)) throw new Error('the mix finds nothing for "dang ky khai sinh"');

  // ---- Through HTTP ----
  const app = await buildApp({ config: loadConfig({ SEED: 'none', JOBS: 'off', LOG_LEVEL: 'silent' }), database, queue: null, logger: false });
  await app.ready();
  const httpTimes: number[] = [];
  const healthTimes: number[] = [];
  for (let r = 0; r < RUNS + 1; r++) {
    for (const q of QUERIES) {
      let t = performance.now();
      const res = await app.inject({ url: `/api/v1/procedures?q=${encodeURIComponent(q)}&limit=20` });
      if (res.statusCode !== 200) throw new Error(`HTTP search ${q}: ${res.statusCode}`);
      const dt = performance.now() - t;
      t = performance.now();
      await app.inject({ url: '/api/health' });
      const dh = performance.now() - t;
      if (r > 0) {
        httpTimes.push(dt);
        healthTimes.push(dh);
      }
    }
  }
  await app.close();
  await database.close();

  const http95 = pct(httpTimes, 95);
  const health95 = pct(healthTimes, 95);
  const kind = database.kind;
  const note = `${N.toLocaleString('en-US')} procedures, ${versionRows.length.toLocaleString('en-US')} versions (filled in ${(fillMs / 1000).toFixed(1)} s); ${QUERIES.length} queries × ${RUNS}; p50 ${indexed.p50.toFixed(1)} ms (baseline p50 ${base.p50.toFixed(1)} ms)`;
  return [
    { name: `catalogue search p95, searchProcedures (${kind})`, value: indexed.p95, unit: 'ms', baseline: base.p95, baselineName: 'same searches without the trigram index', ratio: base.p95 / indexed.p95, target: `< 50 ms p95: ${indexed.p95 < 50 ? 'MET' : 'NOT MET'}`, note },
    { name: `catalogue search p95, GET /api/v1/procedures (${kind})`, value: http95, unit: 'ms', baseline: health95, baselineName: 'GET /api/health through the same app', ratio: health95 / http95, target: `< 50 ms p95: ${http95 < 50 ? 'MET' : 'NOT MET'}` },
  ];
}

if (process.argv[1]?.endsWith('procedures.bench.ts')) {
  const results = await runProceduresBench({ databaseUrl: process.env.BENCH_DATABASE_URL });
  for (const r of results) {
    console.log(r.name);
    console.log(`  p95 ${r.value.toFixed(1)} ms   baseline (${r.baselineName}) p95 ${r.baseline.toFixed(1)} ms   ratio baseline/measured ${r.ratio.toFixed(2)}×   ${r.target ?? ''}`);
    if (r.note) console.log(`  ${r.note}`);
  }
}
