import { describe, expect, test } from 'vitest';
import { DomainValidationError, domainError, formatDomainErrors } from './errors.ts';

describe('DomainError', () => {
  test('details are omitted when not given and kept when given', () => {
    expect(domainError('x', '中', 'en')).toEqual({ code: 'x', message: { zh: '中', en: 'en' } });
    expect(domainError('x', '中', 'en', { path: 'a' }).details).toEqual({ path: 'a' });
  });

  test('DomainValidationError carries every error and prints both languages', () => {
    const errors = [domainError('a', '甲', 'A'), domainError('b', '乙', 'B')];
    const e = new DomainValidationError(errors);
    expect(e.errors).toHaveLength(2);
    expect(e.message).toBe(formatDomainErrors(errors));
    expect(e.message).toBe('[a] 甲 / A\n[b] 乙 / B');
  });
});
