import { describe, expect, it } from 'vitest';
import { tabForKey } from '../../client/builder/tab-keys';

const TABS = ['territorio', 'servizi', 'forma', 'adesioni'] as const;

describe('the keys of the builder tabs (WAI-ARIA tabs pattern)', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    expect(tabForKey('ArrowRight', TABS, 'territorio')).toBe('servizi');
    expect(tabForKey('ArrowRight', TABS, 'adesioni')).toBe('territorio');
    expect(tabForKey('ArrowLeft', TABS, 'servizi')).toBe('territorio');
    expect(tabForKey('ArrowLeft', TABS, 'territorio')).toBe('adesioni');
  });

  it('goes to the first and last tab with Home and End', () => {
    expect(tabForKey('Home', TABS, 'forma')).toBe('territorio');
    expect(tabForKey('End', TABS, 'servizi')).toBe('adesioni');
  });

  it('leaves every other key (and an unknown tab) alone', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', ' ', 'Tab', 'a']) expect(tabForKey(key, TABS, 'forma')).toBeNull();
    expect(tabForKey('ArrowRight', TABS, 'cantina' as (typeof TABS)[number])).toBeNull();
    expect(tabForKey('End', [], 'forma')).toBeNull();
  });
});
