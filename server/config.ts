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
  /** Public tracking look-ups allowed per client and minute. */
  TRACKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
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
