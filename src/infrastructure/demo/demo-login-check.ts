import { DEMO_LOGINS } from './demo-data';

/** The server came up, but a demo login does not work over HTTP: it must not say it is ready. */
export class DemoLoginError extends Error {}

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token viewer { role } } }';
const LOGOUT = 'mutation { logout { sessionEnded } }';

/**
 * Logs in as the first demo user over the server's own HTTP endpoint, exactly as the README's first
 * curl does, and logs out again (the check leaves no session behind). `npm start` says it is
 * ready only after this succeeded, so that a client that starts on that line finds the demo.
 */
export async function checkDemoLogin(graphqlUrl: string, timeoutMs = 30_000): Promise<void> {
  const { email, role } = DEMO_LOGINS.users[0];
  const signal = AbortSignal.timeout(timeoutMs);
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    if (response.status !== 200 || body.errors) {
      throw new DemoLoginError(`the demo login ${email} does not work: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
    }
    return body.data ?? {};
  };
  const data = await post(LOGIN, { input: { email, password: DEMO_LOGINS.password } });
  const login = data.login as { token?: string; viewer?: { role?: string } } | undefined;
  if (!login?.token || login.viewer?.role !== role) throw new DemoLoginError(`the demo login ${email} gave no token for ${role}`);
  await post(LOGOUT, {}, login.token);
}
