import { useSyncExternalStore } from 'react';
import { adminToken, subscribeAdminToken } from './admin-token';

/** The administrator's token, re-rendering every component that uses it when it is set or forgotten. */
export function useAdminToken(): string | null {
  return useSyncExternalStore(subscribeAdminToken, adminToken, () => null);
}
