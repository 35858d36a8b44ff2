/** The few parts of oidc-provider (no bundled types) that the development identity provider uses. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface GrantLike {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  interface KoaContextLike {
    oidc: {
      result?: { consent?: { grantId?: string } };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      client?: { clientId: string };
      provider: { Grant: { new (init: { clientId: string; accountId: string }): GrantLike; find(id: string): Promise<GrantLike | undefined> } };
    };
  }
  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  export interface Configuration {
    clients?: Array<Record<string, unknown>>;
    claims?: Record<string, string[]>;
    features?: Record<string, unknown>;
    pkce?: Record<string, unknown>;
    ttl?: Record<string, number>;
    cookies?: { keys?: string[] };
    findAccount?(ctx: KoaContextLike, sub: string): Promise<Account | undefined>;
    loadExistingGrant?(ctx: KoaContextLike): Promise<GrantLike | undefined>;
  }
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
