/**
 * Public face of the re-organisation module (sắp xếp, tổ chức lại đơn vị).
 *
 * For dashboards and reports (`units=then|today`): `mapUnitsToday(db, unitIds, asOf?)` → Map<unitId, unit that
 * continues it on asOf>, transitive through `unit_lineage` and the plans' routes. "As then" figures: dossiers moved
 * by a plan keep their former units in `dossier_unit_transfers`; `dossierUnitsAsThen` gives them for a moment.
 */
export { mapUnitsToday, mapUnitToday, loadLineageGraph, dossierUnitsAsThen, type LineageGraph, type DossierUnits } from './lineage.ts';
