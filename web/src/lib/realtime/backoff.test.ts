import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay } from './backoff';

describe('backoff', () => {
  it('climbs 1, 2, 4, 8, 16 s and stays at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(backoffCeiling)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('jitters within the upper half of each ceiling', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = backoffCeiling(attempt);
      expect(backoffDelay(attempt, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, () => 0.999999)).toBe(ceiling);
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(attempt);
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('uses the injected randomness', () => {
    expect(backoffDelay(2, () => 0.5)).toBe(3000);
  });
});
