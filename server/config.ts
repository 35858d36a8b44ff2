import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once. Every setting the server reads lives here, with its default and its meaning;
 * README's configuration table mirrors this schema. An invalid value stops the process with a clear message.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Folder for the embedded database, uploaded files and backups. */
  DATA_DIR: z.string().default('./data'),
  /** When set, PostgreSQL through `pg`; otherwise the embedded PGlite under DATA_DIR/pglite. */
  DATABASE_URL: z.string().optional(),
  /** `demo` seeds the demo locality on first start; `none` leaves a clean install (one administrator account). */
  SEED: z.enum(['demo', 'none']).default('demo'),
  /** Password of the first administrator when SEED=none (a random one is printed when absent). */
  ADMIN_PASSWORD: z.string().min(10).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Set the Secure flag on the session cookie (turn on behind HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Failed logins before the account is locked, and for how many minutes. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Largest request body in bytes (JSON). */
  BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  /** Run background job workers in this process. */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** Public URL of the site, used in links (tracking QR codes, e-mails). */
  PUBLIC_URL: z.string().optional(),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.vn:587; without it e-mails are written to the log. */
  SMTP_URL: z.string().optional(),
  /** Sender of notification e-mails. */
  MAIL_FROM: z.string().default('motcua <no-reply@localhost>'),
  /** Secret keying the links sent to people (the feedback verdict link: HMAC-SHA-256), at least 32 characters.
   *  Unset: one is generated at first start and kept in the settings table (key `link_secret`), so links survive
   *  restarts; set it in production to keep it outside the database. Changing it invalidates links not yet used. */
  LINK_SECRET: z.string().min(32).optional(),
  /** Public tracking look-ups allowed per client and minute. */
  TRACKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Citizen portal sign-in (OpenID Connect): the identity provider's issuer URL, e.g. VNeID or the national portal's
   *  identity service. Unset in demo mode: the local development provider (oidc-provider) starts on first use. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().default('motcua'),
  OIDC_CLIENT_SECRET: z.string().default('motcua-dev-secret'),
  /** Callback registered at the provider; default: <this site>/api/v1/portal/oidc/callback, from the request's host. */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_SCOPES: z.string().default('openid profile phone email'),
  /** Claim names of the subject, full name, ID number (CCCD), phone and e-mail in the ID token or userinfo. */
  OIDC_CLAIM_SUBJECT: z.string().default('sub'),
  OIDC_CLAIM_NAME: z.string().default('name'),
  OIDC_CLAIM_ID_NUMBER: z.string().default('cccd'),
  OIDC_CLAIM_PHONE: z.string().default('phone_number'),
  OIDC_CLAIM_EMAIL: z.string().default('email'),
  /** Seconds a sign-in may take between leaving for the provider and coming back (state, nonce, PKCE verifier). */
  OIDC_STATE_TTL_SECONDS: z.coerce.number().int().positive().default(600),
  /** Let officials sign in through the provider too (linked by the ID number recorded on their account link). */
  OIDC_ALLOW_OFFICIALS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Local development identity provider when OIDC_ISSUER is unset and SEED=demo: `auto` (start on first use) or `off`. */
  OIDC_DEV_IDP: z.enum(['auto', 'off']).default('auto'),
  /** Port of that local provider (0 = any free port; taken → any free port). */
  OIDC_DEV_IDP_PORT: z.coerce.number().int().min(0).max(65535).default(4400),
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** Parses an environment (process.env by default); throws an Error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}
