import type { App, Deps } from '../../../http/types.ts';
import { scansRoutes } from './scans.routes.ts';
import { slipsRoutes } from './slips.routes.ts';

/** Printed slips (PDF) and digitisation (scans, results, reuse, rates) of dossiers: register once in server/http/routes.ts. */
export async function dossierDocumentsRoutes(app: App, deps: Deps) {
  await slipsRoutes(app, deps);
  await scansRoutes(app, deps);
}
