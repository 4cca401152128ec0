import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../server/errors/app-error.ts';
import { problemCode, problemText, PROBLEM_CODES } from '../../shared/i18n/problem-text.ts';

describe('problem texts the cards show', () => {
  it('When the service can answer with an error code, then the cards have words for it in every language', () => {
    const serviceCodes = Object.keys(ERROR_STATUS).map((code) => code.replace(/_/g, '-'));
    expect([...PROBLEM_CODES].sort()).toEqual(serviceCodes.sort());
    for (const code of serviceCodes) {
      const status = ERROR_STATUS[code.replace(/-/g, '_') as keyof typeof ERROR_STATUS];
      const text = problemText({ type: `urn:partner-journey:problem:${code}`, status, title: 'English title', detail: 'English detail' }, 'pt-BR');
      expect(text).not.toMatch(/English/);
      expect(text.length).toBeGreaterThan(20);
    }
  });

  it('When a problem comes without our type, then its status decides what it means', () => {
    expect(problemCode({ type: 'about:blank', status: 409 })).toBe('conflict');
    expect(problemCode({ type: 'urn:partner-journey:problem:crm-unavailable', status: 503 })).toBe('crm-unavailable');
    expect(problemCode({ type: 'about:blank', status: 418 })).toBe('internal');
  });

  it('When the viewer reads English, then the service’s own detail is shown, else its title', () => {
    expect(problemText({ type: 'about:blank', status: 403, title: 'Forbidden', detail: 'only channel managers can change a partner stage' }, 'en')).toBe(
      'only channel managers can change a partner stage',
    );
    expect(problemText({ type: 'about:blank', status: 403, title: 'Forbidden' }, 'en')).toBe('Forbidden');
  });
});
