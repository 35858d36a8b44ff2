/** Shapes of the assist API (zod; the OpenAPI document is generated from them). The web app keeps its own types. */
import { z } from 'zod';
import { Uuid } from '../../../contracts/common.ts';

export const ProcedureSuggestQuery = z.strictObject({
  q: z.string().trim().min(1).max(300).describe('What the citizen needs, in plain words, with or without accents: "lam giay khai sinh cho con"'),
  unitId: Uuid.optional().describe('Only procedures this unit implements (its catalogue)'),
});

export const ProcedureSuggestions = z.object({
  query: z.string(),
  catalogueSize: z.number().describe('Procedures in the catalogue searched'),
  items: z.array(
    z.object({
      id: Uuid,
      code: z.string(),
      name: z.string(),
      field: z.string(),
      fieldLabel: z.string(),
      score: z.number().describe('BM25 score (higher is better; comparable within one answer only)'),
      matched: z.array(z.string()).describe('Words that matched, as written in the catalogue'),
      via: z.array(z.object({ from: z.string(), to: z.string() })).describe('Synonyms that contributed: typed → catalogue wording'),
    }),
  ),
});

const LabelInfo = {
  status: z.enum(['ok', 'not_enough_history']),
  examples: z.number().describe('Classified items in the caller’s scope (the history)'),
  classes: z.number().describe('Classes with enough examples'),
  minPerClass: z.number(),
};

export const FeedbackSuggestions = z.object({
  field: z.object({ ...LabelInfo, current: z.string(), options: z.array(z.object({ code: z.string(), label: z.string(), probability: z.number() })) }),
  unit: z.object({ ...LabelInfo, current: Uuid, options: z.array(z.object({ id: Uuid, name: z.string(), probability: z.number() })) }),
  duplicates: z.array(
    z.object({
      id: Uuid,
      code: z.string(),
      title: z.string().nullable(),
      excerpt: z.string(),
      status: z.string(),
      receivedAt: z.string(),
      score: z.number(),
      cosine: z.number(),
      samePlace: z.boolean(),
      places: z.array(z.string()),
    }),
  ),
  thresholds: z.object({ minCosine: z.number(), placeBoost: z.number(), recentDays: z.number() }),
});
