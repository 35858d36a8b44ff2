/**
 * Public face of the dashboard module (bảng điều hành, Bộ chỉ số 766, báo cáo định kỳ).
 * Routes: dashboard.routes.ts; job: `registerDashboardJobs` (report generation); CLI: `generateDossiers`
 * (synthetic data for the bench) and `rebuildReadModel`. Importing the routes registers the PAR live figures
 * dossiers.on_time_rate, dossiers.online_rate and dossiers.digitised_rate.
 */
export { dashboardRoutes } from './dashboard.routes.ts';
export { registerDashboardJobs, runReport, REPORT_JOB } from './reports.ts';
export { getDashboard, drillDown } from './dashboard.service.ts';
export { computeIndex, INDEX766_VERSIONS, versionFor } from './index766.ts';
