/** Every table, re-exported for drizzle and drizzle-kit. Each module owns its `<module>.schema.ts`. */
export * from '../modules/units/units.schema.ts';
export * from '../modules/accounts/accounts.schema.ts';
export * from '../modules/audit/audit.schema.ts';
export * from '../modules/system/system.schema.ts';
export * from '../modules/calendar/calendar.schema.ts';
export * from '../modules/procedures/procedures.schema.ts';
export * from '../modules/reform/reform.schema.ts';
export * from '../modules/dossiers/dossiers.schema.ts';
export * from '../modules/dossiers/documents/scans.schema.ts';
export * from '../modules/satisfaction/satisfaction.schema.ts';
export * from '../modules/feedback/feedback.schema.ts';
export * from '../modules/open311/open311.schema.ts';
export * from '../modules/reorganisation/reorganisation.schema.ts';
export * from '../modules/portal/portal.schema.ts';
export * from '../modules/dashboard/dashboard.schema.ts';
