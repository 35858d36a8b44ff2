/**
 * Public face of the assist module (AI support without model weights): procedure suggestion from plain words,
 * feedback routing suggestion and duplicate feedback. Pure TypeScript: TF-IDF, BM25, softmax logistic regression.
 */
export { assistRoutes } from './assist.routes.ts';
export { suggestProcedures, buildProcedureIndex, suggestFromIndex, procedureIndexCache } from './assist.procedures.ts';
export { feedbackSuggestions, rankDuplicates, trainRouting, MIN_EXAMPLES_PER_CLASS, DUPLICATE_MIN_COSINE, PLACE_BOOST } from './assist.feedback.ts';
