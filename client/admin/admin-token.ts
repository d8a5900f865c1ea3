/**
 * The administrator's token (ADMIN_TOKEN from the server's configuration, until accounts exist),
 * kept for this browser session only: sessionStorage is cleared when the tab closes, and the token
 * is never put in a URL. Where sessionStorage is unavailable (private mode, tests), it lives in
 * memory until the page reloads.
 */
const KEY = 'ali-admin-token';

let inMemory: string | null = null;
const listeners = new Set<() => void>();

/** The token set for this session, or null. */
export function adminToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) || inMemory;
  } catch {
    return inMemory;
  }
}

/** Sets (trimmed; empty means none) or forgets (null) the token, and tells the subscribers. */
export function setAdminToken(token: string | null): void {
  const value = token?.trim() || null;
  inMemory = value;
  try {
    if (value === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, value);
  } catch {
    // No sessionStorage: the in-memory copy is used.
  }
  listeners.forEach((listener) => listener());
}

/** Called whenever setAdminToken changes the token; returns the unsubscribe function. */
export function subscribeAdminToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
