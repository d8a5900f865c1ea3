import { v5 as uuidV5 } from 'uuid';

/** A small Atom 1.0 (RFC 4287) writer: a feed of entries with plain-text content. */

/** The namespace of ALI Atlas's name-based UUIDs: the version 5 UUID of its name in the URL namespace (RFC 9562). */
export const ATOM_ID_NAMESPACE = uuidV5('urn:ali-atlas:atom', uuidV5.URL);

/**
 * A permanent id that does not depend on the address the feed was fetched from (RFC 4287 §4.2.6):
 * a name-based UUID (version 5, SHA-1, RFC 9562) of the publisher and the thing named.
 */
export function permanentId(publisher: string, name: string): string {
  return `urn:uuid:${uuidV5(`${publisher}\n${name}`, ATOM_ID_NAMESPACE)}`;
}

export interface AtomEntry {
  /** A permanent IRI, unique to the entry. */
  id: string;
  title: string;
  updated: string;
  link: string;
  author: string;
  content: string;
  categories?: readonly string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address and the page it follows. */
  self: string;
  alternate: string;
  author: string;
  /** Used when there are no entries (Atom requires `updated`). */
  fallbackUpdated: string;
  rights?: string;
  entries: readonly AtomEntry[];
}

/** Text escaped for XML element content and attribute values; characters XML 1.0 forbids are dropped. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const element = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) => `<link rel="${rel}" href="${xmlEscape(href)}"${type ? ` type="${type}"` : ''}/>`;

export function atomFeed(feed: AtomFeed): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), feed.entries.length > 0 ? '' : feed.fallbackUpdated);
  const entries = feed.entries.map((e) =>
    [
      '<entry>',
      element('id', e.id),
      element('title', e.title),
      element('updated', e.updated),
      link('alternate', e.link, 'text/html'),
      `<author>${element('name', e.author)}</author>`,
      ...(e.categories ?? []).map((term) => `<category term="${xmlEscape(term)}"/>`),
      `<content type="text">${xmlEscape(e.content)}</content>`,
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="it">',
    element('id', feed.id),
    element('title', feed.title),
    ...(feed.subtitle ? [element('subtitle', feed.subtitle)] : []),
    element('updated', updated),
    link('self', feed.self, 'application/atom+xml'),
    link('alternate', feed.alternate, 'text/html'),
    `<author>${element('name', feed.author)}</author>`,
    ...(feed.rights ? [element('rights', feed.rights)] : []),
    element('generator', 'ALI Atlas'),
    ...entries,
    '</feed>',
  ].join('\n');
}
