import { describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS, WriteHealth } from '../../server/data/write-health';

describe('WriteHealth', () => {
  it('remembers a lasting write failure until a write succeeds, and ignores the passing ones', () => {
    const health = new WriteHealth();
    health.observe({ code: '57014' }, 0); // cancelled: passes by itself
    health.observe(new Error('no code'), 0);
    expect(health.failing(0)).toBeNull();
    health.observe({ code: '53100' }, 1000);
    expect(health.failing(2000)).toEqual({ code: '53100', reason: { it: 'disco pieno', en: 'disk full' }, lastSeen: new Date(1000).toISOString() });
    health.succeeded();
    expect(health.failing(2000)).toBeNull();
  });

  it('forgets a failure no write has confirmed for a while (the space may have been freed)', () => {
    const health = new WriteHealth();
    health.observe({ code: 'ENOSPC' }, 0);
    expect(health.failing(FORGET_AFTER_MS)?.code).toBe('ENOSPC');
    expect(health.failing(FORGET_AFTER_MS + 1)).toBeNull();
  });
});
