/** The same server as `url`, connected to its maintenance database (to create and drop others). */
export function adminUrl(url: string): string {
  return databaseUrlFor(url, 'postgres');
}

/** The same server as `url`, connected to database `name`. */
export function databaseUrlFor(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}
