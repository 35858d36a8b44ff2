/**
 * Benchmark of the working-time engine (requirement: ≥ 1,000,000 addWorkingTime calls per second on one core
 * for durations up to 30 working days).
 *
 * Builds the default civil-service calendar 2020–2035, then times `addWorkingTime` (the Date API) and
 * `addWorkingTimeMs` (the number core) on random receipts and random durations of 0.5–30 working days, and a
 * naive day-by-day reference written here (BASELINE: the way a straightforward engine does it, one Date and one
 * ISO-string lookup per day) after checking on a sample that both give the same answers.
 *
 *   npx tsx bench/calendar.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { addWorkingTime, addWorkingTimeMs, buildDefaultWorkCalendar, DEFAULT_HOLIDAY_RULES, generateYearCalendar, OFFICIAL_SCHEDULES } from '../server/modules/calendar/index.ts';
import type { CalendarEntry, WorkDuration } from '../server/modules/calendar/index.ts';

export interface CalendarBenchResult {
  name: string;
  /** addWorkingTime calls per second (Date in, Date out). */
  opsPerSec: number;
  /** Naive day-by-day baseline calls per second. */
  baselineOpsPerSec: number;
  /** opsPerSec / baselineOpsPerSec. */
  ratio: number;
  /** addWorkingTimeMs calls per second (numbers in and out). */
  coreOpsPerSec: number;
  calls: number;
  baselineCalls: number;
  /** Sample size on which the engine and the baseline were checked to agree. */
  agreementSample: number;
}

const FROM_YEAR = 2020;
const TO_YEAR = 2035;
const CALLS = 2_000_000;
const BASELINE_CALLS = 200_000;
const AGREEMENT_SAMPLE = 20_000;
const POOL = 1 << 16;

const H = 3_600_000;
const DAY = 86_400_000;
const VN = 7 * H;

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

/**
 * BASELINE — naive day-by-day reference for the default sessions (07:30–11:30, 13:30–17:00), no cut-off.
 * Same definition as the engine (a day is a day; half a day is 225 minutes; a result at a session's end is
 * reported at the next session's start), computed by walking the calendar one day at a time.
 */
function makeNaiveAddWorkingDays(entries: readonly CalendarEntry[]): (start: Date, days: number) => Date {
  const off = new Set(entries.filter((e) => e.kind !== 'makeup_working_day').map((e) => e.date));
  const work = new Set(entries.filter((e) => e.kind === 'makeup_working_day').map((e) => e.date));
  const isWorking = (localMidnight: Date): boolean => {
    const iso = localMidnight.toISOString().slice(0, 10);
    if (work.has(iso)) return true;
    const wd = localMidnight.getUTCDay();
    return wd !== 0 && wd !== 6 && !off.has(iso);
  };
  const AM = 7.5 * H;
  const AM_END = 11.5 * H;
  const PM = 13.5 * H;
  const PM_END = 17 * H;
  const MORNING = AM_END - AM;
  const FULL = MORNING + (PM_END - PM);
  return (start: Date, days: number): Date => {
    const local = start.getTime() + VN; // wall clock read through UTC getters
    let day = new Date(Math.floor(local / DAY) * DAY);
    let tod = local - day.getTime();
    let offset = -1;
    while (offset < 0) {
      if (!isWorking(day)) {
        day = new Date(day.getTime() + DAY);
        tod = 0;
      } else if (tod < AM) offset = 0;
      else if (tod < AM_END) offset = tod - AM;
      else if (tod < PM) offset = MORNING;
      else if (tod < PM_END) offset = MORNING + tod - PM;
      else {
        day = new Date(day.getTime() + DAY);
        tod = 0;
      }
    }
    let whole = Math.floor(days);
    if (days !== whole) {
      offset += FULL / 2;
      if (offset >= FULL) {
        offset -= FULL;
        whole++;
      }
    }
    while (whole > 0) {
      day = new Date(day.getTime() + DAY);
      if (isWorking(day)) whole--;
    }
    const clock = offset < MORNING ? AM + offset : PM + (offset - MORNING);
    return new Date(day.getTime() + clock - VN);
  };
}

function time(fn: () => number): { ms: number; sink: number } {
  const t0 = performance.now();
  const sink = fn();
  return { ms: performance.now() - t0, sink };
}

/** Runs the benchmark and returns its figures (also usable by a bench runner). */
export async function runCalendarBench(): Promise<CalendarBenchResult> {
  const cal = buildDefaultWorkCalendar(FROM_YEAR, TO_YEAR);
  const entries: CalendarEntry[] = [];
  for (let y = FROM_YEAR; y <= TO_YEAR; y++) entries.push(...generateYearCalendar(DEFAULT_HOLIDAY_RULES, y, OFFICIAL_SCHEDULES[y]));
  const naive = makeNaiveAddWorkingDays(entries);

  // Random receipts 2020-01-01 … 2035-06-30 (so that +30 working days stays inside the calendar), any time of
  // day, whole seconds; random durations 0.5 … 30 working days by halves.
  const rnd = prng(20250124);
  const lo = Date.UTC(FROM_YEAR, 0, 1) - VN;
  const hi = Date.UTC(TO_YEAR, 5, 30) - VN;
  const startsMs = new Float64Array(POOL);
  const starts: Date[] = new Array(POOL);
  const values = new Float64Array(POOL);
  const durations: WorkDuration[] = new Array(POOL);
  for (let k = 0; k < POOL; k++) {
    startsMs[k] = lo + Math.floor((rnd() * (hi - lo)) / 1000) * 1000;
    starts[k] = new Date(startsMs[k]);
    values[k] = (1 + Math.floor(rnd() * 60)) / 2;
    durations[k] = { value: values[k], unit: 'working_day' };
  }

  // Agreement on a sample before any timing: a fast wrong answer is worth nothing.
  for (let k = 0; k < AGREEMENT_SAMPLE; k++) {
    const i = k & (POOL - 1);
    const a = addWorkingTime(cal, starts[i], durations[i]).getTime();
    const b = naive(starts[i], values[i]).getTime();
    if (a !== b) {
      throw new Error(`engine and baseline disagree for ${starts[i].toISOString()} + ${values[i]} d: ${new Date(a).toISOString()} vs ${new Date(b).toISOString()}`);
    }
  }

  const runEngine = (n: number) => () => {
    let acc = 0;
    for (let k = 0; k < n; k++) {
      const i = k & (POOL - 1);
      acc += addWorkingTime(cal, starts[i], durations[i]).getTime() & 1;
    }
    return acc;
  };
  const runCore = (n: number) => () => {
    let acc = 0;
    for (let k = 0; k < n; k++) {
      const i = k & (POOL - 1);
      acc += addWorkingTimeMs(cal, startsMs[i], values[i], 'working_day') & 1;
    }
    return acc;
  };
  const runNaive = (n: number) => () => {
    let acc = 0;
    for (let k = 0; k < n; k++) {
      const i = k & (POOL - 1);
      acc += naive(starts[i], values[i]).getTime() & 1;
    }
    return acc;
  };

  // Warm-up so that the optimising compiler has seen every path.
  runEngine(200_000)();
  runCore(200_000)();
  runNaive(20_000)();

  const engine = time(runEngine(CALLS));
  const core = time(runCore(CALLS));
  const baseline = time(runNaive(BASELINE_CALLS));
  const opsPerSec = CALLS / (engine.ms / 1000);
  const coreOpsPerSec = CALLS / (core.ms / 1000);
  const baselineOpsPerSec = BASELINE_CALLS / (baseline.ms / 1000);
  return {
    name: 'calendar.addWorkingTime (0.5–30 working days, calendar 2020–2035)',
    opsPerSec,
    baselineOpsPerSec,
    ratio: opsPerSec / baselineOpsPerSec,
    coreOpsPerSec,
    calls: CALLS,
    baselineCalls: BASELINE_CALLS,
    agreementSample: AGREEMENT_SAMPLE,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runCalendarBench();
  console.log(r.name);
  console.log(`  addWorkingTime (Date API)    ${fmt(r.opsPerSec)} calls/s  (${fmt(r.calls)} calls)`);
  console.log(`  addWorkingTimeMs (core)      ${fmt(r.coreOpsPerSec)} calls/s`);
  console.log(`  baseline, naive day-by-day   ${fmt(r.baselineOpsPerSec)} calls/s  (${fmt(r.baselineCalls)} calls)`);
  console.log(`  ratio engine / baseline      ${r.ratio.toFixed(1)}×   (answers agree on ${fmt(r.agreementSample)} samples)`);
  console.log(`  requirement ≥ 1,000,000/s    ${r.opsPerSec >= 1_000_000 ? 'MET' : 'NOT MET'}`);
}
