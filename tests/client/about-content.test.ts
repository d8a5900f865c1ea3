import { describe, expect, it as test } from 'vitest';
import { GLOSSARY_IDS, PRINCIPLE_IDS } from '../../client/about/about-content';
import { en } from '../../client/i18n/en';
import { it } from '../../client/i18n/it';

describe("the «Cos'è un'ALI» page's words", () => {
  test('name every principle and term in Italian and in English, each language its own', () => {
    for (const strings of [it, en]) {
      expect(Object.keys(strings.principles).sort()).toEqual(['intro', ...PRINCIPLE_IDS].sort());
      expect(Object.keys(strings.glossary).sort()).toEqual([...GLOSSARY_IDS].sort());
      for (const id of PRINCIPLE_IDS) for (const part of ['title', 'text', 'where'] as const) expect(strings.principles[id][part].trim()).not.toBe('');
      for (const id of GLOSSARY_IDS) for (const part of ['term', 'text'] as const) expect(strings.glossary[id][part].trim()).not.toBe('');
    }
    for (const id of GLOSSARY_IDS) expect(en.glossary[id].text).not.toBe(it.glossary[id].text);
    expect(it.glossary.aderente.text).toContain('Un comune che ha aderito');
    expect(en.glossary.aderente.term).toBe('Adhered');
  });
});
