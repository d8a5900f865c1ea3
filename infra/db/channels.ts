/**
 * NOTIFY channels through which app instances on one database learn of changes made by others
 * (or by an import): each instance then drops what it derived from the old state.
 */

/** A dataset was (re)imported: the payload is the new data version's id. */
export const DATA_VERSION_CHANNEL = 'ali_data_version';

/**
 * The alliances (or the service catalogue) changed: the payload is the id of the transaction that
 * changed them, once per transaction (migration 013); 'restore' after a backup is restored.
 */
export const ALLIANCES_CHANNEL = 'ali_alliances';
