/**
 * `npm run dev:idp`: the local OpenID Connect provider (oidc-provider, development dependency) on its own, for a
 * motcua server started with OIDC_ISSUER pointing at it — e.g. when the server runs with SEED=none, or to see the
 * provider's address. A demo server without OIDC_ISSUER does not need this: it starts the same provider itself.
 *
 *   npm run dev:idp                      → http://127.0.0.1:4400, callback http://localhost:3000/api/v1/portal/oidc/callback
 *   OIDC_DEV_IDP_PORT=4500 PUBLIC_URL=http://192.168.1.10:3000 npm run dev:idp
 *
 * Sign in there as congdan, congdan2 or congdan3, with any password (demo identities with a CCCD number).
 */
import { DEMO_CITIZENS, startDevIdp } from '../server/test-support/idp.ts';

const port = Number(process.env.OIDC_DEV_IDP_PORT ?? 4400);
const site = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const callbacks = new Set([`${site.replace(/\/$/, '')}/api/v1/portal/oidc/callback`, `http://127.0.0.1:${process.env.PORT ?? 3000}/api/v1/portal/oidc/callback`]);
if (process.env.OIDC_REDIRECT_URI) callbacks.add(process.env.OIDC_REDIRECT_URI);
const idp = await startDevIdp({ port, clientId: process.env.OIDC_CLIENT_ID ?? 'motcua', clientSecret: process.env.OIDC_CLIENT_SECRET ?? 'motcua-dev-secret', redirectUris: [...callbacks] });
console.log(`Local identity provider: ${idp.issuer}`);
console.log(`Start motcua with OIDC_ISSUER=${idp.issuer} (client motcua / motcua-dev-secret).`);
console.log(`Callbacks accepted: ${[...callbacks].join(', ')}`);
console.log(`Demo identities (any password): ${Object.entries(DEMO_CITIZENS).map(([k, v]) => `${k} (${v.name}, CCCD ${v.cccd})`).join('; ')}`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void idp.close().then(() => process.exit(0)));
