import type { App, Deps } from '../../http/types.ts';
import { disciplineRoutes } from './discipline/discipline.routes.ts';
import { initiativesRoutes } from './initiatives/initiatives.routes.ts';
import { inspectionsRoutes } from './inspections/inspections.routes.ts';
import { parRoutes } from './par/par.routes.ts';
import { steeringRoutes } from './steering/steering.routes.ts';
import { summaryRoutes } from './summary/summary.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';

/** Every route of the reform programme (one line in server/http/routes.ts). */
export async function reformRoutes(app: App, deps: Deps) {
  await parRoutes(app, deps);
  await steeringRoutes(app, deps);
  await inspectionsRoutes(app, deps);
  await initiativesRoutes(app, deps);
  await trainingRoutes(app, deps);
  await disciplineRoutes(app, deps);
  await summaryRoutes(app, deps);
}
