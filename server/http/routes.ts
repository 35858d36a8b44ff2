import { accountsRoutes } from '../modules/accounts/accounts.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { proceduresRoutes } from '../modules/procedures/procedures.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { unitsRoutes } from '../modules/units/units.routes.ts';
import { dossiersRoutes } from '../modules/dossiers/dossiers.routes.ts';
import { reformRoutes } from '../modules/reform/reform.routes.ts';
import type { App, Deps } from './types.ts';

/** Every module's routes, in one list: adding a module means adding one line here. */
export async function registerModuleRoutes(app: App, deps: Deps) {
  await accountsRoutes(app, deps);
  await unitsRoutes(app, deps);
  await auditRoutes(app, deps);
  await calendarRoutes(app, deps);
  await proceduresRoutes(app, deps);
  await dossiersRoutes(app, deps);
  await (await import('../modules/dossiers/documents/documents.routes.ts')).dossierDocumentsRoutes(app, deps);
  await reformRoutes(app, deps);
  await (await import('../modules/portal/portal.routes.ts')).portalRoutes(app, deps);
  await (await import('../modules/dashboard/index.ts')).dashboardRoutes(app, deps);
  await (await import('../modules/satisfaction/satisfaction.routes.ts')).satisfactionRoutes(app, deps);
  await (await import('../modules/feedback/feedback.routes.ts')).feedbackRoutes(app, deps);
  await (await import('../modules/open311/open311.routes.ts')).open311Routes(app, deps);
  await (await import('../modules/reorganisation/reorganisation.routes.ts')).reorganisationRoutes(app, deps);
  await (await import('../modules/ocr/ocr.routes.ts')).ocrRoutes(app, deps);
  await (await import('../modules/assist/assist.routes.ts')).assistRoutes(app, deps);
}
