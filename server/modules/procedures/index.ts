/**
 * Public face of the procedures module (thủ tục hành chính). Other modules call these, never the repository.
 *
 * For the dossier module: at receipt, call `getProcedureVersionInForce(db, procedureId, receivedAt)` and store the
 * returned version `id` on the dossier; later read it with `getProcedureVersionById`. The version carries the
 * statutory times (`processingTime`, `processingTimeOnline`), the steps with their shares of the time (the
 * workflow template), the required documents and the fees.
 */
export { getProcedure, getProcedureVersionById, getProcedureVersionInForce, searchProcedures, type ProcedureDetail, type ProcedureVersion } from './procedures.service.ts';
export { durationInWorkingDays, inForceOn } from './procedures.versions.ts';
export { computeSimplification, DEFAULT_TIME_VALUE_PER_DAY, FORMULAS as SIMPLIFICATION_FORMULAS } from './simplification.ts';
export { seedDemoProcedures } from './demo-catalogue.ts';
export * from './procedures.kinds.ts';
