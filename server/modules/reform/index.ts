/**
 * The reform programme's public face: routes, the demo seed, the summary other modules (dashboard) read, and the
 * live-figure registry other modules (dossiers) plug their figures into.
 */
export { reformRoutes } from './reform.routes.ts';
export { seedDemoReform } from './demo/demo-reform.ts';
export { reformSummary } from './summary/summary.service.ts';
export { registerLiveFigureProvider, liveFigureCatalogue, type LiveFigureProvider, type LiveFigureQuery } from './par/live-figures.ts';
