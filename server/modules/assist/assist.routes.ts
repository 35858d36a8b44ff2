import { z } from 'zod';
import { Uuid } from '../../../contracts/common.ts';
import type { App, Deps } from '../../http/types.ts';
import { FeedbackSuggestions, ProcedureSuggestions, ProcedureSuggestQuery } from './assist.contracts.ts';
import { feedbackSuggestions } from './assist.feedback.ts';
import { suggestProcedures } from './assist.procedures.ts';

const tags = ['assist'];

export async function assistRoutes(app: App, { database }: Deps) {
  app.get('/api/v1/assist/procedures', {
    config: { access: 'public' },
    schema: { tags, summary: 'Procedures that match plain words ("Tôi cần…"): top 5 with score and the words that matched', querystring: ProcedureSuggestQuery, response: { 200: ProcedureSuggestions } },
  }, async (request) => suggestProcedures(database.db, request.query.q, request.query.unitId, request.ctx.lang));

  app.get('/api/v1/assist/feedback/:id/suggestions', {
    config: { access: 'feedback.handle' },
    schema: { tags, summary: 'Likely field and handling unit (learnt from the locality’s classified feedback) and possible duplicates of an item', params: z.object({ id: Uuid }), response: { 200: FeedbackSuggestions } },
  }, async (request) => feedbackSuggestions(database.db, request.ctx, request.params.id));
}
