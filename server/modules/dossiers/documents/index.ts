/**
 * Public face of the dossier documents (server/modules/dossiers/documents/): printed slips and digitisation.
 *
 * For the routes list: `dossierDocumentsRoutes(app, deps)`.
 * For the public portal: `printReceiptSlipForApplicant(deps, { code, digits }, { baseUrl })` (the applicant
 * downloads the receipt slip again with the code and the last 4 digits of phone or ID number).
 * For the dashboard and reform evidence: `digitisationRates(db, { unitIds, from, to })` and its formulas.
 * For reuse elsewhere (online filing): `findReusableDocuments(db, applicantIdNumber)`.
 */
export { dossierDocumentsRoutes } from './documents.routes.ts';
export { printDossierSlip, printGuidanceSlip, printReceiptSlipForApplicant, trackingUrl, issuerOf, type PrintedSlip, type PrintOptions } from './slips.service.ts';
export { FORM_SETS, SLIP_KINDS, DOSSIER_SLIP_KINDS, formLabel, type SlipKind, type DossierSlipKind } from './slips.ts';
export { readUpload, uploadLimitBytes } from './scans.routes.ts';
export { publicBaseUrl, sendPdf } from './slips.routes.ts';
export { findReusableDocuments, listDossierFiles, readDossierFile, uploadDocumentFile, uploadResultFile, reuseFile, confirmDocumentDigitised, type ReusableDocument, type ScanDeps } from './scans.service.ts';
export { digitisationRates, DIGITISATION_FORMULA, type DigitisationRates, type DigitisationQuery } from './digitisation.ts';
export { dossierFiles } from './scans.schema.ts';
