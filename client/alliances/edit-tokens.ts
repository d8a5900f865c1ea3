/** Edit tokens this browser knows, by alliance id (the server keeps only their hashes). */
const key = (id: number) => `ali-atlas:edit:${id}`;

export function rememberEditToken(id: number, token: string): void {
  try {
    localStorage.setItem(key(id), token);
  } catch {
    // Private mode: the edit link still works when opened again.
  }
}

export function editToken(id: number): string | null {
  try {
    return localStorage.getItem(key(id));
  } catch {
    return null;
  }
}

/**
 * An edit link opened in this browser: `#edit=TOKEN` (a fragment never reaches the server's logs),
 * kept and taken out of the address. Called once at start (main.tsx), before anything rewrites the address.
 */
export function takeTokenFromHash(id: number): void {
  const match = /(?:^#|&)edit=([\w-]+)/.exec(window.location.hash);
  if (!match) return;
  rememberEditToken(id, match[1] as string);
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** Ids of the alliances this browser holds an edit link for (its founder's own, drafts among them). */
export function editableIds(): number[] {
  try {
    const ids: number[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const match = /^ali-atlas:edit:(\d+)$/.exec(localStorage.key(i) ?? '');
      if (match) ids.push(Number(match[1]));
    }
    return ids.sort((a, b) => a - b);
  } catch {
    return [];
  }
}

export function editLink(id: number, token: string): string {
  return `${window.location.origin}/alleanze/${id}#edit=${token}`;
}
