/**
 * Public face of the dossier module (hồ sơ). Other modules call these, never the repository.
 *
 * For the documents engineer (server/modules/dossiers/documents/): `getDossierForSlip` returns everything a slip
 * shows; `markDocumentDigitised` / `markResultDigitised` record a stored scan (sha-256 of the content-addressed
 * file); `findReusableResults` lists digitised results of the same applicant.
 * For the installation seed: `seedDemoDossiers(database)` after the demo units, accounts and procedures exist.
 * For dashboards: `getStats` and the pure `onTimeRate` / `outcomeOf` / `standingOf` (classification.ts).
 */
export { getDossierForSlip, markDocumentDigitised, markResultDigitised, findReusableResults, type DossierSlip, type DigitisedFile } from './dossiers.documents.ts';
export { getDossierDetail, getDossierByCode, listDossiers, getStats, getControlSlip, queueCounts, reassign, type DossierDeps } from './dossiers.service.ts';
export { receiveDossier, getChecklist, formatCode, agencyCodeOf, ruleSetOf } from './dossiers.receive.ts';
export * as transitions from './dossiers.transitions.ts';
export { trackDossier } from './dossiers.tracking.ts';
export { onTimeRate, outcomeOf, standingOf, ON_TIME_RATE_FORMULA, type ClassifiableDossier, type RateResult } from './classification.ts';
export { deriveClock, statutoryDue, type ClockEntry, type ClockState } from './clock.ts';
export { registerDossierJobs, handleNotify, runStepReminders, runEscalations, applyCalendarChange, type NotifyDeps } from './dossiers.jobs.ts';
export { seedDemoDossiers } from './dossiers.seed.ts';
export * from './dossiers.kinds.ts';
export { receiveOnlineDossier, withdrawByApplicant, answerSupplementByApplicant, applicantActing, type OnlineFile } from './dossiers.online.ts';
export { trackingRateLimit } from './dossiers.routes.ts';
