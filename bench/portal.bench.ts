/**
 * Sign-in with the electronic identity, end to end on this machine: the server's /oidc/login, the local provider's
 * login form (oidc-provider), the callback (code exchange with PKCE, ID token and nonce checks, userinfo, account
 * refresh, session). Baseline in the same run: a password sign-in (POST /api/v1/auth/login, argon2 verify).
 * Both are medians of 15 runs (password sign-in allows 20 per client and minute, e-ID sign-in 30). Nothing asserts on time.
 */
import { signInCitizen } from '../server/modules/portal/test-helpers.ts';
import { startTestServer } from '../server/test-support/server.ts';

const N = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function runPortalSignInBench(opts: { databaseUrl?: string } = {}) {
  void opts; // the test server picks its database like the tests (TEST_DATABASE_URL)
  const s = await startTestServer({ OIDC_DEV_IDP_PORT: '0' });
  try {
    await signInCitizen(s, 'congdan'); // warm-up: provider start, discovery, account creation
    await s.login('motcua');
    const oidc: number[] = [];
    const password: number[] = [];
    for (let i = 0; i < N; i++) {
      let t0 = performance.now();
      await signInCitizen(s, 'congdan');
      oidc.push(performance.now() - t0);
      t0 = performance.now();
      await s.login('motcua');
      password.push(performance.now() - t0);
    }
    const value = median(oidc);
    const baseline = median(password);
    return [{ name: `e-ID sign-in round trip, median of ${N} (${s.database.kind})`, value, unit: 'ms', baseline, baselineName: 'password sign-in', ratio: value / baseline, note: 'local oidc-provider on loopback' }];
  } finally {
    await s.close();
  }
}
