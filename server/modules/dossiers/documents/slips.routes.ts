import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../../http/types.ts';
import { trackingRateLimit } from '../dossiers.routes.ts';
import type { DossierDeps } from '../dossiers.service.ts';
import { IdParams, SlipParams, SlipQuery } from './documents.contracts.ts';
import { TrackingQuery } from '../../../../contracts/dossiers.ts';
import { printDossierSlip, printGuidanceSlip, printReceiptSlipForApplicant, type PrintedSlip } from './slips.service.ts';

const tags = ['dossiers'];

/** The public site's origin for links printed on slips: PUBLIC_URL, or the origin the request came to. */
export function publicBaseUrl(publicUrl: string | undefined, request: FastifyRequest): string {
  return publicUrl && publicUrl.trim() ? publicUrl.trim() : `${request.protocol}://${request.host}`;
}

/** Sends a PDF inline, never cached by shared caches (it carries personal data). */
export function sendPdf(reply: FastifyReply, slip: Pick<PrintedSlip, 'pdf' | 'fileName'>) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${slip.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(slip.fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(slip.pdf);
}

export async function slipsRoutes(app: App, { config, database, queue }: Deps) {
  const deps: DossierDeps = { database, queue };

  app.get('/api/v1/dossiers/:id/slips/:kind', {
    config: { access: 'dossiers.read' },
    schema: {
      tags,
      summary: 'A printed slip as PDF: receipt and appointment (with the tracking QR code), control slip, supplement request, refusal, apology and new appointment, return slip (with the rating QR code; receive permission at the returning unit); audited',
      params: SlipParams,
      querystring: SlipQuery,
    },
  }, async (request, reply) => {
    const slip = await printDossierSlip(deps, request.ctx, request.params.id, request.params.kind, { baseUrl: publicBaseUrl(config.PUBLIC_URL, request), supplementSeq: request.query.supplementSeq });
    return sendPdf(reply, slip);
  });

  app.get('/api/v1/dossier-guidance/:id/slip', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'The guidance slip (phiếu hướng dẫn hoàn thiện hồ sơ) of an incomplete dossier refused at the counter, as PDF; audited', params: IdParams },
  }, async (request, reply) => sendPdf(reply, await printGuidanceSlip(deps, request.ctx, request.params.id)));

  // The applicant prints the receipt slip again from the tracking page, with the same proof (code + last 4 digits)
  // and the same rate limit as the tracking lookup. POST so the digits never land in access logs.
  app.post('/api/v1/tracking/receipt-slip', {
    config: { access: 'public', rateLimit: trackingRateLimit() },
    schema: { tags: ['tracking'], summary: 'The receipt-and-appointment slip (PDF) for the applicant: dossier code + last 4 digits of the phone or ID number; audited', body: TrackingQuery },
  }, async (request, reply) => sendPdf(reply, await printReceiptSlipForApplicant(deps, { code: request.body.code, digits: request.body.digits }, { baseUrl: publicBaseUrl(config.PUBLIC_URL, request), requestId: request.id })));
}
