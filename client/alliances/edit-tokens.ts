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

/** An edit link opened in this browser: `#edit=TOKEN` (a fragment never reaches the server's logs). */
export function takeTokenFromHash(id: number): void {
  const match = /(?:^#|&)edit=([\w-]+)/.exec(window.location.hash);
  if (match) {
    rememberEditToken(id, match[1] as string);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

export function editLink(id: number, token: string): string {
  return `${window.location.origin}/alleanze/${id}#edit=${token}`;
}
