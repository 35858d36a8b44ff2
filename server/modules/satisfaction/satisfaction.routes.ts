import { z } from 'zod';
import { KioskRatingBody, ListRatingsQuery, PortalRatingBody, Rating, RatingInvite, RatingLookupBody, RatingPage, RatingSummary, RatingSummaryQuery, RatingTarget } from '../../../contracts/satisfaction.ts';
import { Uuid } from '../../../contracts/common.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { trackingRateLimit } from '../dossiers/index.ts';
import { issueInvite, listRatings, lookupRatingTarget, rateFromKiosk, rateFromPortal, ratingSummary } from './satisfaction.service.ts';
import './satisfaction.figures.ts';

const tags = ['satisfaction'];
/** The public kiosk answers whether code + 4 digits match: limited per client like public tracking. */
/** The kiosk proves the dossier as the tracking page does (code + 4 digits): the same limit. */
const kioskRateLimit = trackingRateLimit;

export async function satisfactionRoutes(app: App, { database, config }: Deps) {
  app.post('/api/v1/ratings/lookup', {
    config: { access: 'public', rateLimit: kioskRateLimit() },
    schema: { tags, summary: 'Kiosk: the dossier to rate, by code + last 4 digits or by invitation token', body: RatingLookupBody, response: { 200: RatingTarget } },
  }, async (request) => lookupRatingTarget(database.db, request.body));

  app.post('/api/v1/ratings/kiosk', {
    config: { access: 'public', rateLimit: kioskRateLimit() },
    schema: { tags, summary: 'Rate a returned dossier at the kiosk or from an invitation link (once per dossier)', body: KioskRatingBody, response: { 201: Rating } },
  }, async (request, reply) => {
    reply.code(201);
    return rateFromKiosk(database, request.ctx, request.body);
  });

  app.post('/api/v1/ratings', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'The signed-in citizen rates their own returned dossier (once; Idempotency-Key supported)', body: PortalRatingBody, response: { 201: Rating } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => rateFromPortal(database, request.ctx, request.body)));

  app.get('/api/v1/ratings', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'Ratings with comments, newest first', querystring: ListRatingsQuery, response: { 200: RatingPage } },
  }, async (request) => listRatings(database.db, request.ctx, request.query));

  app.get('/api/v1/ratings/summary', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'Satisfaction per unit, official, procedure or month, with the rate’s formula', querystring: RatingSummaryQuery, response: { 200: RatingSummary } },
  }, async (request) => ratingSummary(database.db, request.ctx, request.query, request.ctx.lang));

  app.post('/api/v1/dossiers/:id/rating-invite', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Issue the rating link and QR code of a returned dossier (for the return slip or the counter screen)', params: z.object({ id: Uuid }), response: { 200: RatingInvite } },
  }, async (request) => issueInvite(database, request.ctx, request.params.id, config.PUBLIC_URL ?? `${request.protocol}://${request.host}`));
}
