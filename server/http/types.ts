import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Queue } from '../platform/queue.ts';
import type { Context } from '../modules/accounts/context.ts';
import type { Permission, Principal } from '../modules/accounts/permissions.ts';

/** What a route declares about who may call it. Every /api route must declare one. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: (Principal & { sessionId: string }) | null;
    ctx: Context;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Everything a module's routes need. */
export interface Deps {
  config: Config;
  database: Database;
  queue: Queue | null;
}
