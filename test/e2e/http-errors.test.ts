import { User } from '../../src/domain/identity/user.entity';
import { createAgencyWithStaff, login, startTestApp, TestApp, TEST_PASSWORD, unique } from '../support/test-app';

/*
 * Issue 9, item 9: the errors of the HTTP level (Apollo's CSRF prevention, a body too large or not
 * JSON, a document that does not parse or fit the schema, no or several operations, a batch, a
 * method or path the server does not serve) are like every other error: a stable
 * `extensions.code` and `reason`, the request id (as in the X-Request-Id header), and a message in
 * the requester's language: Accept-Language without a token, the viewer's language with one.
 */
interface WireError {
  message: string;
  extensions: { code: string; reason: string; params?: Record<string, unknown>; requestId: string };
}

interface Case {
  readonly name: string;
  readonly status: number;
  readonly code: string;
  readonly reason: string;
  readonly request: (t: TestApp, headers: Record<string, string>) => Promise<Response>;
  /** The start of the message in German (Accept-Language: de) and in Polish (the viewer's language). */
  readonly de: string;
  readonly pl: string;
}

const post = (t: TestApp, body: string, headers: Record<string, string>, contentType = 'application/json') =>
  fetch(t.url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

const CASES: readonly Case[] = [
  {
    name: 'a text/plain POST (CSRF prevention)',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'CSRF_PREVENTED',
    request: (t, h) => post(t, JSON.stringify({ query: '{ __typename }' }), h, 'text/plain'),
    de: 'Diese Anfrage wurde als mögliche Cross-Site-Request-Forgery blockiert',
    pl: 'To żądanie zablokowano jako możliwy atak cross-site request forgery',
  },
  {
    name: 'a body over BODY_LIMIT',
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'BODY_TOO_LARGE',
    request: (t, h) => post(t, JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(20_000) } }), h),
    de: 'Die Anfrage ist zu groß: höchstens 16kb',
    pl: 'Żądanie jest za duże: przyjmowane jest najwyżej 16kb',
  },
  {
    name: 'a body that is not JSON',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'BODY_NOT_JSON',
    request: (t, h) => post(t, '{"query": ', h),
    de: 'Der Inhalt der Anfrage konnte nicht als JSON gelesen werden',
    pl: 'Treści żądania nie da się odczytać jako JSON',
  },
  {
    name: 'a document that does not parse',
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    reason: 'QUERY_SYNTAX_ERROR',
    request: (t, h) => post(t, JSON.stringify({ query: '{ viewer ' }), h),
    de: 'Die GraphQL-Abfrage ist nicht korrekt geschrieben: Syntax Error',
    pl: 'Zapytanie GraphQL jest niepoprawnie zapisane: Syntax Error',
  },
  {
    name: 'a field the schema does not have (validation)',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    reason: 'QUERY_INVALID',
    request: (t, h) => post(t, JSON.stringify({ query: '{ nope }' }), h),
    de: 'Die GraphQL-Abfrage passt nicht zum Schema der API: Cannot query field "nope"',
    pl: 'Zapytanie GraphQL nie pasuje do schematu API: Cannot query field "nope"',
  },
  {
    name: 'two operations and no operationName',
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
    reason: 'OPERATION_NOT_FOUND',
    request: (t, h) => post(t, JSON.stringify({ query: 'query A { __typename } query B { __typename }' }), h),
    de: 'Es ist nicht klar, welche Operation des Dokuments ausgeführt werden soll',
    pl: 'Nie wiadomo, którą operację z dokumentu wykonać',
  },
  {
    name: 'a body without a query',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'QUERY_MISSING',
    request: (t, h) => post(t, '{}', h),
    de: 'Die Anfrage enthält keine GraphQL-Abfrage',
    pl: 'Żądanie nie zawiera zapytania GraphQL',
  },
  {
    name: 'a batch (a list of operations)',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'BATCH_NOT_SUPPORTED',
    request: (t, h) => post(t, JSON.stringify([{ query: '{ __typename }' }]), h),
    de: 'Senden Sie eine Operation pro Anfrage',
    pl: 'Wysyłaj jedną operację na żądanie',
  },
  {
    name: 'variables that are not an object',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'REQUEST_INVALID',
    request: (t, h) => post(t, JSON.stringify({ query: '{ __typename }', variables: 5 }), h),
    de: 'Die Anfrage ist so nicht verwendbar',
    pl: 'Żądania nie można użyć w tej postaci',
  },
  {
    name: 'a mutation over GET',
    status: 405,
    code: 'BAD_REQUEST',
    reason: 'MUTATION_OVER_GET',
    request: (t, h) => fetch(`${t.url}?query=${encodeURIComponent('mutation { logout { sessionEnded } }')}`, { headers: { 'apollo-require-preflight': 'true', ...h } }),
    de: 'Eine GET-Anfrage kann nur lesen',
    pl: 'Żądanie GET może tylko odczytywać',
  },
  {
    name: 'a method /graphql does not take',
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    reason: 'METHOD_NOT_ALLOWED',
    request: (t, h) => fetch(t.url, { method: 'PUT', headers: h }),
    de: 'Die Methode PUT ist hier nicht erlaubt',
    pl: 'Metoda PUT nie jest tu dozwolona',
  },
  {
    name: 'a path the server does not serve',
    status: 404,
    code: 'NOT_FOUND',
    reason: 'PATH_NOT_FOUND',
    request: (t, h) => fetch(`${t.baseUrl}/graphq`, { headers: h }),
    de: 'Unter /graphq gibt es nichts',
    pl: 'Pod adresem /graphq nic nie ma',
  },
];

describe('HTTP-level errors: a stable code and reason, the request id, the requester’s language', () => {
  let t: TestApp;
  let polishToken: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT: '16kb' } });
    const agency = await createAgencyWithStaff(t, unique('HTTP errors agency '));
    // A colleague who reads the portal in Polish (made as the test staff is, below the GraphQL edge).
    const services = t.app.services;
    const email = `${unique('staff-pl')}@agency.example`;
    const user = User.create({
      id: services.ids.next(),
      agencyId: agency.agencyId,
      email,
      displayName: 'Polish staff',
      role: 'AGENCY_STAFF',
      language: 'pl',
      passwordHash: await services.hasher.hash(TEST_PASSWORD),
      now: t.clock.now(),
    });
    await services.repositories.users.insert(user);
    polishToken = await login(t, email, TEST_PASSWORD);
  });

  afterAll(() => t?.stop());

  async function errorOf(response: Response): Promise<WireError> {
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: WireError[]; data?: unknown };
    expect(body.errors).toHaveLength(1);
    expect(body.data ?? null).toBeNull();
    return body.errors[0];
  }

  it.each(CASES)('$name: $status $code / $reason, in German for Accept-Language de', async (c) => {
    const response = await c.request(t, { 'accept-language': 'de-CH, de;q=0.9, en;q=0.5' });
    expect(response.status).toBe(c.status);
    const error = await errorOf(response);
    expect(error.extensions).toMatchObject({ code: c.code, reason: c.reason, requestId: response.headers.get('x-request-id') });
    expect(error.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message.startsWith(c.de)).toBe(true);
  });

  it.each(CASES)('$name: in the viewer’s language (Polish) when logged in, whatever Accept-Language says', async (c) => {
    const response = await c.request(t, { 'accept-language': 'de', authorization: `Bearer ${polishToken}` });
    expect(response.status).toBe(c.status);
    const error = await errorOf(response);
    expect(error.extensions).toMatchObject({ code: c.code, reason: c.reason, requestId: response.headers.get('x-request-id') });
    expect(error.message.startsWith(c.pl)).toBe(true);
  });

  it('keeps a request id the client sent', async () => {
    const response = await post(t, '{"query": ', { 'x-request-id': 'my-trace-42', 'accept-language': 'en' });
    expect((await errorOf(response)).extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'BODY_NOT_JSON', requestId: 'my-trace-42' });
  });
});
