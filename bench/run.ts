/**
 * `npm run bench`: every `bench/*.bench.ts`, each exporting `run…Bench()`. Every figure is printed with a
 * baseline measured in the same run and their ratio; nothing here asserts on time. PostgreSQL variants run
 * when BENCH_DATABASE_URL is set. Narrow with `npm run bench -- http calendar`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Row {
  bench: string;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));

/** Accepts the result shapes our benches return and turns them into table rows. */
function toRows(bench: string, result: unknown): Row[] {
  const list = Array.isArray(result) ? result : [result];
  return list.map((r: Record<string, unknown>) => {
    if ('opsPerSec' in r) {
      return { bench, measure: String(r.name), value: `${fmt(r.opsPerSec as number)} ops/s`, baseline: `${fmt(r.baselineOpsPerSec as number)} ops/s (naive loop)`, ratio: `${fmt(r.ratio as number)}×`, target: String(r.target ?? '') };
    }
    return { bench, measure: String(r.name), value: `${fmt(r.value as number)} ${r.unit}`, baseline: `${fmt(r.baseline as number)} ${r.unit} (${r.baselineName})`, ratio: `${fmt(r.ratio as number)}×`, target: String(r.target ?? r.note ?? '') };
  });
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.startsWith(o)))).sort();
const rows: Row[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!/^run\w*Bench$/.test(name) || typeof fn !== 'function') continue;
    console.error(`running ${file} ${name}…`);
    rows.push(...toRows(file.replace('.bench.ts', ''), await fn({ databaseUrl: process.env.BENCH_DATABASE_URL })));
    if (process.env.BENCH_DATABASE_URL && file === 'http.bench.ts') {
      // also on the embedded database, for comparison
      rows.push(...toRows('http', await (fn as (o: object) => Promise<unknown>)({})));
    }
  }
}
console.table(rows);
process.exit(0);
