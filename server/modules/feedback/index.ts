/**
 * Public face of the feedback module (phản ánh, kiến nghị).
 * For dashboards (engineer C): `feedbackFigures(db, { unitIds, from, to })` →
 * `{ received, answered, answeredOnTime, openOverdue, unsatisfied, onTimeRate }` (formula in its JSDoc).
 * Importing this module registers the PAR live figure `feedback.on_time_rate`.
 */
export { feedbackFigures, type FeedbackFigures, type FigureQuery } from './feedback.figures.ts';
export { FEEDBACK_CHANNELS, FEEDBACK_TYPES, FEEDBACK_FIELDS, FEEDBACK_STATUSES, type FeedbackChannel, type FeedbackType, type FeedbackField, type FeedbackStatus } from './feedback.kinds.ts';
