import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import client from 'prom-client';
import { ZodType } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';
import { pickLang } from '../platform/messages.ts';
import { normalizeInput } from '../platform/text.ts';
import type { Queue } from '../platform/queue.ts';
import { authenticate } from '../modules/accounts/accounts.service.ts';
import { makeContext } from '../modules/accounts/context.ts';
import { PERMISSIONS } from '../modules/accounts/permissions.ts';
import { registerModuleRoutes } from './routes.ts';
import { RequestValidationError, sendProblem } from './problem.ts';
import type { App, Deps } from './types.ts';

import { SESSION_COOKIE } from './constants.ts';
import { HTTP_REFUSALS } from './http.messages.ts';
export { SESSION_COOKIE };
/** The built web app; WEB_DIST points elsewhere (e.g. a private build per parallel test run). */
export const WEB_DIST = process.env.WEB_DIST ? resolvePath(process.env.WEB_DIST) : fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface BuildOptions {
  config: Config;
  database: Database;
  queue: Queue | null;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the Fastify application: hooks, error mapping, docs, metrics, then every module's routes. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT,
    trustProxy: true,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  // Validation with zod, keeping its issues so the error mapper can word them in the caller's language.
  app.setValidatorCompiler(({ schema, httpPart }) => (data) => {
    const result = (schema as ZodType).safeParse(data);
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);

  // Every route under /api must say who may call it: a forgotten declaration fails at start-up, not in production.
  const permissions = new Set<string>(PERMISSIONS);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') && !route.url.startsWith('/open311')) return;
    const access = route.config?.access;
    if (!access || !(access === 'public' || access === 'authenticated' || permissions.has(access))) {
      throw new Error(`route ${route.method} ${route.url} declares no valid access (config.access)`);
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Text enters as NFC, whatever keyboard or OS produced it.
  app.addHook('preValidation', async (request) => {
    if (request.body && typeof request.body === 'object') request.body = normalizeInput(request.body);
    if (request.query && typeof request.query === 'object') request.query = normalizeInput(request.query);
    if (request.params && typeof request.params === 'object') request.params = normalizeInput(request.params);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: (_req, ctx) => Object.assign(new Error(`rate limit: ${ctx.max} per ${ctx.after}`), { statusCode: 429 }) });

  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', null as never);

  // Who is calling, and may they call this route at all: decided before the body is even parsed (401/403 before 400).
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.principal = token ? await authenticate(database.db, token) : null;
    const p = request.principal;
    request.ctx = makeContext(database.db, { userId: p?.userId ?? null, label: p?.username ?? 'anonymous', requestId: request.id }, p, pickLang(request.headers['accept-language']));
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (!p) throw new AppError('UNAUTHENTICATED');
    if (access !== 'authenticated' && !p.permissions.has(access)) throw new AppError('FORBIDDEN', { detail: HTTP_REFUSALS.permissionRequired, params: { permission: access } });
  });

  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'motcua API', version: '1', description: 'One-stop shop (một cửa) and administrative reform. Errors are RFC 9457 problem+json in vi/en/fr by Accept-Language.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Prometheus metrics: process defaults plus request durations by route.
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({ name: 'motcua_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'], registers: [registry], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
  app.addHook('onResponse', async (request, reply) => {
    httpDuration.observe({ method: request.method, route: request.routeOptions.url ?? 'unknown', status: reply.statusCode }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));

  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness and database kind' } }, async () => {
    await database.pool.query('SELECT 1');
    return { status: 'ok', database: database.kind === 'pglite' ? 'pglite' : 'postgres' };
  });

  const deps: Deps = { config, database, queue: opts.queue };
  await registerModuleRoutes(app, deps);

  // The web app: built files when present, and index.html for client-side routes.
  const hasWeb = existsSync(WEB_DIST);
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api') && !path.startsWith('/open311') && !path.includes('.')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('NOT_FOUND', { detail: `no route ${request.method} ${path}`, params: { what: path } }));
  });

  return app;
}
