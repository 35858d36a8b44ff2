#!/usr/bin/env node
// Runs every *.test.ts under server/, cli/ and contracts/ with node's test runner (Node 20 cannot expand a
// quoted glob itself). Extra arguments are passed on; MOTCUA_TEST_FILTER=substring narrows the files.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['server', 'cli', 'contracts', 'scripts'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(p);
  }
};
for (const r of roots) {
  try {
    walk(r);
  } catch {
    /* folder absent */
  }
}
const filter = process.env.MOTCUA_TEST_FILTER;
const selected = files.sort().filter((f) => !filter || f.includes(filter));
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const concurrency = process.env.MOTCUA_TEST_CONCURRENCY ?? '2';
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...process.argv.slice(2), ...selected], { stdio: 'inherit' });
process.exit(res.status ?? 1);
