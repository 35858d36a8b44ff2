/**
 * A real, local OpenID Connect provider (oidc-provider, a development dependency) for tests, the browser journeys
 * and the demo: authorization code + PKCE, a confidential client, and a few demo citizens. Its sign-in page is
 * oidc-provider's development page: any password is accepted (it is a stand-in for VNeID, never for production).
 * Started by the tests, by `npm run dev:idp`, and on first use by a demo server without OIDC_ISSUER.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Demo identities: `congdan` carries the ID number (CCCD) of the first demo dossier's applicant, so reuse shows. */
export const DEMO_CITIZENS: Record<string, { name: string; cccd: string; phone_number: string; email: string | null }> = {
  congdan: { name: 'Nguyễn Văn Hùng', cccd: '022090000000', phone_number: '0912345670', email: 'congdan0@example.vn' },
  congdan2: { name: 'Trần Thị Mai', cccd: '022090104729', phone_number: '0912353589', email: null },
  congdan3: { name: 'Lê Thị Kiểm Thử', cccd: '022199001234', phone_number: '0987001234', email: 'kiemthu@example.vn' },
};

export interface DevIdpOptions {
  /** 0 = any free port. A taken port falls back to any free port. */
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUris: string[];
  /** Seconds an authorization code lives (tests shorten nothing else). */
  codeTtl?: number;
}

export interface DevIdp {
  issuer: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Starts the provider and resolves with its issuer URL once it listens. */
export async function startDevIdp(opts: DevIdpOptions): Promise<DevIdp> {
  const { default: Provider } = await import('oidc-provider');
  const host = opts.host ?? '127.0.0.1';
  let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else {
      res.statusCode = 503;
      res.end();
    }
  });
  let port: number;
  try {
    port = await listen(server, opts.port ?? 0, host);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    port = await listen(server, 0, host);
  }
  const issuer = `http://${host}:${port}`;
  const scope = 'openid profile phone email';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId ?? 'motcua',
        client_secret: opts.clientSecret ?? 'motcua-dev-secret',
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'cccd'], phone: ['phone_number'], email: ['email'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: opts.codeTtl ?? 60 },
    cookies: { keys: ['motcua-dev-idp-cookie-key'] },
    async findAccount(_ctx, sub) {
      const known = DEMO_CITIZENS[sub];
      return {
        accountId: sub,
        async claims() {
          return known ? { sub, ...known, email: known.email ?? undefined } : { sub, name: sub };
        },
      };
    },
    // The demo's own client needs no consent screen: grant the requested scopes at once.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(scope);
      await grant.save();
      return grant;
    },
  });
  // The provider's own warning about Node 20 is harmless here (libraries.md §6).
  provider.on('server_error', () => undefined);
  handler = provider.callback();
  return {
    issuer,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
