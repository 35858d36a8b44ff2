/**
 * Public face of the satisfaction module (đánh giá mức độ hài lòng).
 * For dashboards (engineer C): `satisfactionFigures(db, { unitIds, from, to })` → `{ ratings, satisfied, rate }`.
 * Importing this module registers the PAR live figure `satisfaction.rate`.
 */
export { satisfactionFigures, type SatisfactionFigures, type FigureQuery } from './satisfaction.figures.ts';
export { CRITERIA, SCALE, SATISFIED_FROM, SATISFACTION_RATE_FORMULA, RATING_CHANNELS, type Criterion, type RatingChannel } from './satisfaction.kinds.ts';
