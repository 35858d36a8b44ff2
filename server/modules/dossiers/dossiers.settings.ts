import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DossierSettings } from '../../../contracts/dossiers.ts';
import type { Database, Db } from '../../db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DEFAULT_CODE_PATTERN, type SupplementPhase, type SupplementPolicy } from './dossiers.kinds.ts';
import { findSetting } from './dossiers.repository.ts';
import { dossierSettings } from './dossiers.schema.ts';
import { DOSSIER_REFUSALS } from './dossiers.messages.ts';

export type Settings = z.infer<typeof DossierSettings>;

/**
 * Defaults: the national code pattern; a supplement completed at reception restarts the full statutory time
 * ("HoanThanhBoSungTheoNghiDinh"), one completed during appraisal shifts the appointment by the time the applicant
 * took ("GetNgayHenTraBoSung"), dossier-lifecycle.md §9; officials are reminded 4 working hours before a step is due.
 */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  codePattern: DEFAULT_CODE_PATTERN,
  supplementPolicy: { reception: 'reset', processing: 'shift' },
  procedurePolicies: {},
  reminderHours: 4,
}) as Settings;

const KEY = 'settings';
const TTL_MS = 5000;
let cache: { at: number; value: Settings; version: number } | null = null;

/** The module's settings (cached a few seconds; a change in this process is seen at once). */
export async function getSettings(db: Db): Promise<Settings & { version: number }> {
  if (cache && Date.now() - cache.at < TTL_MS) return { ...cache.value, version: cache.version };
  const row = await findSetting(db, KEY);
  const value = row ? { ...DEFAULT_SETTINGS, ...(row.value as Partial<Settings>) } : DEFAULT_SETTINGS;
  cache = { at: Date.now(), value, version: row?.version ?? 0 };
  return { ...value, version: cache.version };
}

/** Policy for a supplement of `procedureId` completed in `phase`. */
export function supplementPolicyFor(s: Settings, procedureId: string, phase: SupplementPhase): SupplementPolicy {
  return s.procedurePolicies[procedureId]?.[phase] ?? s.supplementPolicy[phase];
}

/** Replaces the settings (send the version you read; 0 when never saved). Audited. */
export async function updateSettings(database: Database, ctx: Context, input: Settings, expectedVersion: number): Promise<Settings & { version: number }> {
  const scope = await ctx.scope('procedures.write');
  if (!scope.all) {
    throw new AppError('FORBIDDEN', { detail: DOSSIER_REFUSALS.settingsGlobalOnly });
  }
  const before = await getSettings(database.db);
  const value: Settings = { codePattern: input.codePattern, supplementPolicy: input.supplementPolicy, procedurePolicies: input.procedurePolicies ?? {}, reminderHours: input.reminderHours ?? 4 };
  const saved = await database.transaction(async (tx) => {
    const rows = await tx.db
      .insert(dossierSettings)
      .values({ key: KEY, value, version: 1 })
      .onConflictDoUpdate({ target: dossierSettings.key, set: { value, version: sql`${dossierSettings.version} + 1`, updatedAt: new Date() }, setWhere: sql`${dossierSettings.version} = ${expectedVersion}` })
      .returning({ version: dossierSettings.version });
    if (rows.length === 0 || (expectedVersion === 0 && rows[0].version !== 1)) throw conflict(DOSSIER_REFUSALS.settingsChanged, { version: expectedVersion });
    await recordAudit(tx, ctx.actor, { action: 'dossier.settings.update', subjectType: 'dossier_settings', before, after: value });
    return rows[0].version;
  });
  cache = { at: Date.now(), value, version: saved };
  return { ...value, version: saved };
}

/** Forgets the cached settings (tests). */
export function clearSettingsCache(): void {
  cache = null;
}
