/*
 * The login token: kept in memory and, where the browser allows it, in sessionStorage (so a reload
 * of the tab keeps the user logged in, and closing the tab logs out). Nothing else is stored, and
 * no cookie is ever set. Inside another site's frame with third-party storage blocked,
 * sessionStorage throws: the token then lives in memory only, and everything still works.
 * Whether the token still holds is the server's to say (a refusal with UNAUTHENTICATED ends the
 * session, apollo.ts): the device's clock may differ from the server's, so its `expiresAt` is kept
 * for information only.
 */
const KEY = 'flexportal.token';

export interface StoredSession {
  readonly token: string;
  readonly expiresAt: string;
}

let current: StoredSession | null = readStored();
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    const s = window.sessionStorage;
    s.getItem(KEY); // may throw when third-party storage is blocked
    return s;
  } catch {
    return null;
  }
}

function readStored(): StoredSession | null {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    if (typeof parsed.token !== 'string') return null;
    return parsed;
  } catch {
    return null;
  }
}

export function getSession(): StoredSession | null {
  return current;
}

export function getToken(): string | null {
  return getSession()?.token ?? null;
}

export function setSession(session: StoredSession | null): void {
  current = session;
  try {
    const s = storage();
    if (session) s?.setItem(KEY, JSON.stringify(session));
    else s?.removeItem(KEY);
  } catch {
    // storage refused (quota, blocked): memory only
  }
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether this tab can keep the login across a reload (false inside a frame with storage blocked). */
export function sessionPersists(): boolean {
  return storage() !== null;
}
