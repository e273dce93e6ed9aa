import { describe, expect, test } from 'vitest';
import { humanMessage, isHearthError } from './errors';

describe('humanMessage', () => {
  test('never shows a bare code, for every documented code and an unknown one', () => {
    for (let n = 1; n <= 16; n++) {
      const code = `E${String(n).padStart(3, '0')}`;
      const text = humanMessage({ code, message: '' });
      expect(text).not.toMatch(/E\d{3}/);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  test('keeps the server sentence where it explains a rule the user broke', () => {
    expect(humanMessage({ code: 'E007', message: 'A chat line is 1-2000 characters.' })).toBe(
      'A chat line is 1-2000 characters.',
    );
    expect(humanMessage({ code: 'E011', message: 'role_lacks_permission chat' })).toBe(
      'Your role in this campaign does not allow that.',
    );
  });

  test('says how long to wait when rate limited', () => {
    expect(humanMessage({ code: 'E004', message: 'Too many', retryAfter: 2.2 })).toContain('about 3 s');
  });

  test('recognises the error shape only', () => {
    expect(isHearthError({ code: 'E002', message: 'x' })).toBe(true);
    expect(isHearthError({ code: 2, message: 'x' })).toBe(false);
    expect(isHearthError(null)).toBe(false);
  });
});
