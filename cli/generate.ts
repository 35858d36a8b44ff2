/**
 * `npm run cli -- generate --dossiers N --years Y [--end YYYY-MM-DD]`: synthetic dossiers for demonstrations and
 * the dashboard bench (server/modules/dashboard/generate.ts), then the dashboard read model rebuilt.
 * Meant for a demo or bench database (rows are marked is_demo); the dashboard triggers are switched off while it
 * loads, so run it when nobody else writes dossiers.
 */
import { parseArgs } from 'node:util';
import type { Database } from '../server/db/client.ts';
import { generateDossiers } from '../server/modules/dashboard/generate.ts';

export async function generateCommand(args: string[], { database }: { database: Database }): Promise<number> {
  const { values } = parseArgs({ args, options: { dossiers: { type: 'string' }, years: { type: 'string' }, end: { type: 'string' } } });
  const dossiers = Number(values.dossiers ?? 10_000);
  const years = Number(values.years ?? 1);
  if (!Number.isInteger(dossiers) || dossiers < 1 || dossiers > 50_000_000) throw new Error('--dossiers must be a whole number between 1 and 50,000,000');
  if (!(years > 0 && years <= 30)) throw new Error('--years must be between 0 and 30');
  if (values.end !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.end)) throw new Error('--end must be YYYY-MM-DD');
  const r = await generateDossiers(database, { dossiers, years, end: values.end });
  console.log(`generated ${r.inserted.toLocaleString('en-US')} dossiers over ${years} year(s) in ${r.seconds.toFixed(1)} s (read model rebuilt in ${r.rebuildSeconds.toFixed(1)} s) on ${database.kind}`);
  return 0;
}
