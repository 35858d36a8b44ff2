import { accountsRoutes } from '../modules/accounts/accounts.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { proceduresRoutes } from '../modules/procedures/procedures.routes.ts';
import { unitsRoutes } from '../modules/units/units.routes.ts';
import type { App, Deps } from './types.ts';

/** Every module's routes, in one list: adding a module means adding one line here. */
export async function registerModuleRoutes(app: App, deps: Deps) {
  await accountsRoutes(app, deps);
  await unitsRoutes(app, deps);
  await auditRoutes(app, deps);
  await calendarRoutes(app, deps);
  await proceduresRoutes(app, deps);
}
