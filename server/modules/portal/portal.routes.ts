import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OfficialIdBody, DossierApplication, ActionBody, Application, ApplicationSummary, CreateApplicationBody, FileParams, FileQuery, IdParams, OnlineProcedure, PaymentAccount, PaymentAccountBody, PortalMe, PortalStatus, ProceduresQuery, ReasonBody, ReuseBody, UnitParams } from '../../../contracts/portal.ts';
import { SESSION_COOKIE } from '../../http/constants.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { diskFileStore } from '../../platform/files.ts';
import { printDossierSlip, publicBaseUrl, readDossierFile, readUpload, sendPdf, uploadLimitBytes } from '../dossiers/documents/index.ts';
import { beginSignIn, CALLBACK_PATH, completeSignIn, OIDC_COOKIE, OidcProvider, portalSectionOf, SignInRefused, type PortalSection } from './portal.oidc.ts';
import {
  acceptApplication,
  applicationOfDossier,
  answerSupplement,
  createApplication,
  getApplication,
  getMe,
  getOnlineProcedure,
  listApplications,
  listInbox,
  listOnlineProcedures,
  listPaymentAccounts,
  listReusable,
  markPaid,
  readApplicationFileForCounter,
  setOfficialIdNumber,
  ownDossier,
  putPaymentAccount,
  refuseApplication,
  reuseIntoApplication,
  submitApplication,
  uploadApplicationFile,
  vietQrBanks,
  withdrawApplication,
  type PortalDeps,
} from './portal.service.ts';

const tags = ['portal'];
/** The portal's page in the web app; sign-in refusals come back to it as ?loi=<reason>. */
export const PORTAL_PAGE = '/cong-dan';

/** Where the browser lands after the provider: the portal, on the section the sign-in started from, with the refusal if any. */
function portalPage(section: PortalSection | null, refusal?: string): string {
  const q = new URLSearchParams({ ...(refusal ? { loi: refusal } : {}), ...(section ? { muc: section } : {}) }).toString();
  return q ? `${PORTAL_PAGE}?${q}` : PORTAL_PAGE;
}

const ReusableFile = z.object({ fileId: z.string(), dossierCode: z.string(), procedureName: z.string(), isResult: z.boolean(), documentName: z.string().nullable(), fileName: z.string().nullable(), mediaType: z.string(), sizeBytes: z.number(), uploadedAt: z.string() });

/** Where the provider sends the browser back: OIDC_REDIRECT_URI, or this site as the browser reached it. */
function redirectUriOf(request: FastifyRequest, configured: string | undefined): string {
  return new URL(configured ?? `${request.protocol}://${request.host}${CALLBACK_PATH}`).href;
}

function sendFile(reply: FastifyReply, f: { mediaType: string; fileName: string | null; sha256: string }, bytes: Uint8Array) {
  const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[f.mediaType] ?? 'bin';
  const name = f.fileName ?? `${f.sha256.slice(0, 12)}.${ext}`;
  return reply
    .type(f.mediaType)
    .header('content-disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes));
}

export async function portalRoutes(app: App, { config, database, queue }: Deps) {
  const maxBytes = uploadLimitBytes(config);
  const deps: PortalDeps = { database, queue, store: diskFileStore(join(config.dataDir, 'files'), maxBytes), maxBytes };
  const provider = new OidcProvider(config);
  app.addHook('onClose', async () => provider.close());

  // ---- Sign-in with an electronic identity ----

  app.get('/api/v1/portal/status', {
    config: { access: 'public' },
    schema: { tags, summary: 'Whether electronic-identity sign-in is available here', response: { 200: PortalStatus } },
  }, async () => ({ signInAvailable: provider.available, devProvider: !config.OIDC_ISSUER && provider.available }));

  app.get('/api/v1/portal/oidc/login', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Leave for the identity provider (authorization code + PKCE, state, nonce); ?muc= names the portal section to come back to',
      querystring: z.object({ muc: z.string().max(100).optional() }),
    },
  }, async (request, reply) => {
    // Only a known section is kept (never a free address: no open redirect); anything else comes back to the portal's start.
    const section = portalSectionOf(request.query.muc);
    const { url, requestId, expiresAt } = await beginSignIn(database, provider, config, redirectUriOf(request, config.OIDC_REDIRECT_URI), section);
    reply.setCookie(OIDC_COOKIE, requestId, { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, path: '/api/v1/portal/oidc', expires: expiresAt });
    return reply.redirect(url, 302);
  });

  app.get(CALLBACK_PATH, {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Come back from the identity provider: checks state, nonce and PKCE, then opens a session', querystring: z.record(z.string(), z.string()) },
  }, async (request, reply) => {
    const currentUrl = new URL(request.url, redirectUriOf(request, config.OIDC_REDIRECT_URI));
    reply.clearCookie(OIDC_COOKIE, { path: '/api/v1/portal/oidc' });
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    try {
      const r = await completeSignIn(database, provider, config, { requestId: request.cookies[OIDC_COOKIE], currentUrl, ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, request.ctx.actor);
      reply.setCookie(SESSION_COOKIE, r.token, { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, path: '/', expires: r.expiresAt });
      return reply.redirect(portalPage(r.section), 302);
    } catch (err) {
      if (err instanceof SignInRefused && !wantsJson) return reply.redirect(portalPage(err.section, err.reason), 302);
      throw err;
    }
  });

  // ---- The citizen ----

  app.get('/api/v1/portal/me', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'My identity, to pre-fill applications', response: { 200: PortalMe } },
  }, async (request) => getMe(database.db, request.ctx));

  app.get('/api/v1/portal/procedures', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'Procedures that can be filed online', querystring: ProceduresQuery, response: { 200: z.array(OnlineProcedure) } },
  }, async (request) => listOnlineProcedures(database.db, request.query.q));

  app.get('/api/v1/portal/procedures/:id', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'One online procedure: documents, fees, reception points', params: IdParams, response: { 200: OnlineProcedure } },
  }, async (request) => getOnlineProcedure(database.db, request.params.id));

  app.get('/api/v1/portal/reusable', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'My documents and results already digitised (reusable without a new upload)', response: { 200: z.array(ReusableFile) } },
  }, async (request) => listReusable(database.db, request.ctx));

  app.post('/api/v1/portal/applications', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'Start an online application (draft; Idempotency-Key supported)', body: CreateApplicationBody, response: { 201: Application } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createApplication({ ...deps, database }, request.ctx, request.body)));

  app.get('/api/v1/portal/applications', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'My dossiers', response: { 200: z.array(ApplicationSummary) } },
  }, async (request) => listApplications(deps, request.ctx));

  app.get('/api/v1/portal/applications/:id', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'One of my applications with its dossier, timeline, supplements, files and payment', params: IdParams, response: { 200: Application } },
  }, async (request) => getApplication(deps, request.ctx, request.params.id));

  app.post('/api/v1/portal/applications/:id/reuse', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'Attach an earlier digitised file of mine to a required document', params: IdParams, body: ReuseBody, response: { 200: Application } },
  }, async (request) => reuseIntoApplication(deps, request.ctx, request.params.id, request.body));

  app.post('/api/v1/portal/applications/:id/submit', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'Submit the application to the counter', params: IdParams, body: ActionBody, response: { 200: Application } },
  }, async (request) => submitApplication(deps, request.ctx, request.params.id, request.body));

  app.post('/api/v1/portal/applications/:id/withdraw', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'Withdraw my application or dossier (give the dossier version once accepted)', params: IdParams, body: ReasonBody, response: { 200: Application } },
  }, async (request) => withdrawApplication(deps, request.ctx, request.params.id, request.body));

  app.post('/api/v1/portal/applications/:id/supplement', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'Send the supplement (files uploaded since the request); the clock resumes (give the dossier version)', params: IdParams, body: ActionBody, response: { 200: Application } },
  }, async (request) => answerSupplement(deps, request.ctx, request.params.id, request.body));

  app.get('/api/v1/portal/applications/:id/receipt.pdf', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'The receipt slip of my accepted dossier (PDF)', params: IdParams },
  }, async (request, reply) => {
    const { dossierId, acting } = await ownDossier(deps, request.ctx, request.params.id);
    return sendPdf(reply, await printDossierSlip(deps, acting, dossierId, 'receipt', { baseUrl: publicBaseUrl(config.PUBLIC_URL, request) }));
  });

  app.get('/api/v1/portal/applications/:id/files/:fileId', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'A digitised document or result of my dossier', params: FileParams },
  }, async (request, reply) => {
    const { dossierId, acting } = await ownDossier(deps, request.ctx, request.params.id);
    const { file, bytes } = await readDossierFile(deps, acting, dossierId, request.params.fileId);
    return sendFile(reply, file, bytes);
  });

  // Multipart parsing exists only inside this scope; the rest of the API keeps rejecting it.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });
    scope.post('/api/v1/portal/applications/:id/files', {
      config: { access: 'portal.self' },
      schema: { tags, summary: 'Upload a required document (PDF, JPEG, PNG; multipart field "file") to a draft, or for a supplement', params: IdParams, querystring: FileQuery, response: { 200: Application } },
    }, async (request) => uploadApplicationFile(deps, request.ctx, request.params.id, request.query.index, () => readUpload(request, maxBytes)));
  });

  // ---- The counter ----

  app.get('/api/v1/portal/inbox', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Online applications waiting for the check at my units, and fees still due', response: { 200: z.array(Application) } },
  }, async (request) => listInbox(deps, request.ctx));

  app.post('/api/v1/portal/inbox/:id/accept', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Accept an online application: the dossier is received (channel online) with its files digitised', params: IdParams, body: ActionBody, response: { 200: Application } },
  }, async (request) => acceptApplication(deps, request.ctx, request.params.id, request.body));

  app.post('/api/v1/portal/inbox/:id/refuse', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Refuse an online application with a reason', params: IdParams, body: ReasonBody, response: { 200: Application } },
  }, async (request) => refuseApplication(deps, request.ctx, request.params.id, request.body));

  app.post('/api/v1/portal/inbox/:id/payment', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Record that the fee was received', params: IdParams, body: ActionBody, response: { 200: Application } },
  }, async (request) => markPaid(deps, request.ctx, request.params.id, request.body));

  app.get('/api/v1/portal/inbox/:id/files/:index', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'A file the applicant uploaded, for the check', params: z.strictObject({ id: z.uuid(), index: z.coerce.number().int().min(0).max(200) }) },
  }, async (request, reply) => {
    const { file, bytes } = await readApplicationFileForCounter(deps, request.ctx, request.params.id, request.params.index);
    return sendFile(reply, file, bytes);
  });

  app.put('/api/v1/portal/official-ids/:userId', {
    config: { access: 'accounts.write' },
    schema: { tags, summary: 'Link an official’s account to their ID number for sign-in through the provider (OIDC_ALLOW_OFFICIALS)', params: z.strictObject({ userId: z.uuid() }), body: OfficialIdBody },
  }, async (request) => setOfficialIdNumber(database, request.ctx, request.params.userId, request.body.idNumber));

  app.get('/api/v1/portal/by-dossier/:id', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'The online application behind a dossier, with its fee state (null when filed at the counter)', params: IdParams, response: { 200: DossierApplication } },
  }, async (request) => applicationOfDossier(deps, request.ctx, request.params.id));

  app.get('/api/v1/portal/banks', {
    config: { access: 'units.write' },
    schema: { tags, summary: 'Banks that accept VietQR transfers (NAPAS BIN and name), to pick a fee account’s bank', response: { 200: z.array(z.object({ bin: z.string(), name: z.string() })) } },
  }, async () => vietQrBanks());

  app.get('/api/v1/portal/payment-accounts', {
    config: { access: 'units.write' },
    schema: { tags, summary: 'Fee accounts of my units', response: { 200: z.array(PaymentAccount) } },
  }, async (request) => listPaymentAccounts(database.db, request.ctx));

  app.put('/api/v1/portal/payment-accounts/:unitId', {
    config: { access: 'units.write' },
    schema: { tags, summary: 'Set the bank account a unit receives fees on (shown as a VietQR code)', params: UnitParams, body: PaymentAccountBody, response: { 200: PaymentAccount } },
  }, async (request) => putPaymentAccount(database, request.ctx, request.params.unitId, request.body));
}
