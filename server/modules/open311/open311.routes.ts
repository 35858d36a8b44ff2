/**
 * Open311 GeoReport v2 endpoints. They live in their own Fastify scope: form-encoded bodies are parsed here, and
 * every error (validation, unknown route, unexpected) is the spec's list of {code, description}, in JSON or XML by
 * the extension asked for.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiKey, ApiKeyBody, NewApiKey, Open311CreateParams, Open311ListParams } from '../../../contracts/open311.ts';
import { Uuid } from '../../../contracts/common.ts';
import type { App, Deps } from '../../http/types.ts';
import { normalizeInput } from '../../platform/text.ts';
import { AppError } from '../../platform/errors.ts';
import { createKey, createRequest, getRequest, listKeys, listRequests, listServices, Open311Error, revokeKey } from './open311.service.ts';
import { toXml, type XmlValue } from './open311.xml.ts';

type Format = 'json' | 'xml';
const formatOf = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');

function send(reply: FastifyReply, format: Format, status: number, root: string, item: string, rows: Array<Record<string, XmlValue>>) {
  reply.code(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, item, rows));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows));
}

function sendError(request: FastifyRequest, reply: FastifyReply, status: number, description: string) {
  return send(reply, formatOf(request.url), status, 'errors', 'error', [{ code: status, description }]);
}

function parse<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data ?? {});
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Open311Error(400, `${i.path.join('.') || 'request'}: ${i.message}`);
  }
  return r.data;
}

export async function open311Routes(app: App, { database }: Deps) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, normalizeInput(Object.fromEntries(new URLSearchParams(body as string))));
    });
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof Open311Error) return sendError(request, reply, error.status, error.description);
      if (error instanceof AppError) return sendError(request, reply, error.status, error.message);
      const status = (error as { statusCode?: number }).statusCode;
      if (status && status >= 400 && status < 500) return sendError(request, reply, status, (error as Error).message);
      request.log.error(error);
      return sendError(request, reply, 500, `internal error (request ${request.id})`);
    });
    scope.setNotFoundHandler((request, reply) => sendError(request, reply, 404, `no such resource ${request.url.split('?')[0]}`));

    const tags = ['open311'];
    const lang = (request: FastifyRequest) => request.ctx.lang;

    for (const fmt of ['json', 'xml'] as const) {
      scope.get(`/services.${fmt}`, { config: { access: 'public' }, schema: { tags, summary: `GeoReport v2 service list (${fmt})` } }, async (request, reply) =>
        send(reply, fmt, 200, 'services', 'service', listServices(lang(request)) as never));

      scope.get(`/requests.${fmt}`, { config: { access: 'public' }, schema: { tags, summary: `GeoReport v2 service requests (${fmt}): service_request_id, service_code, start_date, end_date, status` } }, async (request, reply) =>
        send(reply, fmt, 200, 'service_requests', 'request', await listRequests(database.db, parse(Open311ListParams, request.query), lang(request))));

      scope.post(`/requests.${fmt}`, { config: { access: 'public' }, schema: { tags, summary: `GeoReport v2 create a service request (${fmt}; api_key required; form-encoded or JSON)` } }, async (request, reply) => {
        const params = parse(Open311CreateParams, { ...(request.query as object), ...(request.body as object) });
        return send(reply, fmt, 201, 'service_requests', 'request', await createRequest(database, request.ctx, params));
      });
    }

    scope.get('/services/:file', { config: { access: 'public' }, schema: { tags, summary: 'GeoReport v2 service definition (no extra attributes)' } }, async (request, reply) => {
      const m = /^(.+)\.(json|xml)$/.exec((request.params as { file: string }).file);
      if (!m || !listServices('en').some((s) => s.service_code === m[1])) throw new Open311Error(404, 'service_code not found');
      const def = { service_code: m[1], attributes: null };
      if (m[2] === 'xml') return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>${m[1]}</service_code><attributes/></service_definition>`);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ ...def, attributes: [] }));
    });

    scope.get('/requests/:file', { config: { access: 'public' }, schema: { tags, summary: 'GeoReport v2 one service request' } }, async (request, reply) => {
      const m = /^(.+)\.(json|xml)$/.exec((request.params as { file: string }).file);
      if (!m) throw new Open311Error(404, 'use requests/{id}.json or .xml');
      return send(reply, m[2] as Format, 200, 'service_requests', 'request', await getRequest(database.db, m[1], lang(request)));
    });
  }, { prefix: '/open311/v2' });

  // Administration of the API keys (ordinary API: problem+json).
  app.get('/api/v1/open311-keys', {
    config: { access: 'feedback.configure' },
    schema: { tags: ['open311'], summary: 'Open311 API keys (the keys themselves are never shown again)', response: { 200: z.array(ApiKey) } },
  }, async (request) => listKeys(database.db, request.ctx));

  app.post('/api/v1/open311-keys', {
    config: { access: 'feedback.configure' },
    schema: { tags: ['open311'], summary: 'Issue an Open311 API key (shown once; only its hash is stored)', body: ApiKeyBody, response: { 201: NewApiKey } },
  }, async (request, reply) => {
    reply.code(201);
    return createKey(database, request.ctx, request.body);
  });

  app.post('/api/v1/open311-keys/:id/revoke', {
    config: { access: 'feedback.configure' },
    schema: { tags: ['open311'], summary: 'Revoke an Open311 API key', params: z.object({ id: Uuid }), response: { 200: ApiKey } },
  }, async (request) => revokeKey(database, request.ctx, request.params.id));
}
