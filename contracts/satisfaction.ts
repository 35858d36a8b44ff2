/**
 * Satisfaction ratings (đánh giá mức độ hài lòng), one per dossier after the result was returned.
 *
 *   POST /api/v1/ratings/lookup     public (rate-limited)  RatingLookupBody → 200 RatingTarget
 *                                   (code + last 4 digits of the applicant's phone or ID number, or an invitation
 *                                   token; the same 404 for a wrong code and wrong digits)
 *   POST /api/v1/ratings/kiosk      public (rate-limited)  KioskRatingBody → 201 Rating (kiosk or invitation link)
 *   POST /api/v1/ratings            portal.self            PortalRatingBody → 201 Rating (the citizen's own dossier)
 *   GET  /api/v1/ratings            dashboard.read         ListRatingsQuery → 200 RatingPage (with comments)
 *   GET  /api/v1/ratings/summary    dashboard.read         RatingSummaryQuery → 200 RatingSummary (per official,
 *                                   unit, procedure or month; the formula is in the answer)
 *   POST /api/v1/dossiers/:id/rating-invite  dossiers.receive (returning unit)  → 200 RatingInvite (link + QR)
 *
 * Refusals: 409 CONFLICT for a second rating, 422 RULE_VIOLATED before the result was returned, 404 for a
 * dossier that is not the caller's; nothing is stored.
 */
import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

/** Free text without markup: HTML tags are refused (published text is escaped anyway). */
export const PlainText = (max: number) =>
  z.string().trim().min(1).max(max).refine((s) => !/<(\/?[a-z][a-z0-9-]*([\s/][^>]*)?|!--[\s\S]*?--|![a-z][^>]*)>/i.test(s), 'HTML tags are not allowed');

const Score = z.number().int().min(1).max(5);
export const Scores = z.strictObject({
  access: Score,
  procedures: Score,
  conduct: Score,
  results: Score,
  feedbackHandling: Score,
  overall: Score,
});

const Digits = z.string().regex(/^\d{4}$/, 'exactly 4 digits');
const Code = z.string().trim().min(3).max(80);
const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'invalid invitation token');

/** Either an invitation token, or the dossier code with the last 4 digits of the applicant's phone or ID number. */
const Binding = {
  code: Code.optional(),
  digits: Digits.optional(),
  token: Token.optional(),
};
const bound = (b: { code?: string; digits?: string; token?: string }) => !!b.token || (!!b.code && !!b.digits);
const boundMessage = { message: 'give the dossier code and the last 4 digits, or an invitation token', path: ['code'] };

export const RatingLookupBody = z.strictObject(Binding).refine(bound, boundMessage);
export const KioskRatingBody = z.strictObject({ ...Binding, scores: Scores, comment: PlainText(2000).optional() }).refine(bound, boundMessage);

export const PortalRatingBody = z.strictObject({ dossierCode: Code, scores: Scores, comment: PlainText(2000).optional() });

export const RatingTarget = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  unitName: z.string(),
  returnedAt: z.string().nullable(),
  alreadyRated: z.boolean(),
  ratable: z.boolean(),
});

export const Rating = z.object({
  id: z.string(),
  dossierCode: z.string(),
  channel: z.string(),
  scores: Scores,
  comment: z.string().nullable(),
  ratedAt: z.string(),
});

export const ListRatingsQuery = z.strictObject({
  unitId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const RatingPage = z.object({
  items: z.array(Rating.extend({ unitName: z.string(), procedureName: z.string(), officialName: z.string().nullable() })),
  total: z.number(),
});

export const RatingSummaryQuery = z.strictObject({
  unitId: Uuid.optional(),
  from: IsoDate,
  to: IsoDate,
  groupBy: z.enum(['unit', 'official', 'procedure', 'month']).default('unit'),
});

const Averages = z.object({ access: z.number(), procedures: z.number(), conduct: z.number(), results: z.number(), feedbackHandling: z.number(), overall: z.number() });

export const RatingSummary = z.object({
  formula: z.string(),
  total: z.object({ ratings: z.number(), satisfied: z.number(), rate: z.number().nullable(), averages: Averages.nullable() }),
  groups: z.array(z.object({ key: z.string(), label: z.string(), ratings: z.number(), satisfied: z.number(), rate: z.number().nullable(), averages: Averages })),
});

export const RatingInvite = z.object({ url: z.string(), qrSvg: z.string(), expiresAt: z.string() });
