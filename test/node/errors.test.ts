import { describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../../src/shared/errors';
import { sdkError } from '../../src/sdk/errors';
import { ERROR_KINDS } from '../../src/i18n/locales/errors';
import { ZOOM_ERROR_CODES } from '../../src/sdk/errors';

// docs/zoom-sdk.md, "Error codes", with its retry column (2001 and 9999 retry: a retry fetches a new token).
const CONTRACT: Array<[number, boolean]> = [
  [1001, true], [1002, true], [1004, false], [1006, false], [1008, false], [1009, false], [1010, false],
  [1011, true], [1012, false], [1013, false], [1015, false], [1016, true], [1017, true], [2001, true], [9999, true],
];

describe('error codes', () => {
  it('covers every code docs/zoom-sdk.md lists', () => {
    expect(Object.keys(ZOOM_ERROR_CODES).map(Number).sort()).toEqual(CONTRACT.map(([c]) => c).sort());
  });

  for (const [code, retryable] of CONTRACT) {
    it(`${code} maps to a sentence and retry=${retryable}`, () => {
      const e = sdkError(code, 'raw text');
      expect(e.sdkCode).toBe(code);
      expect(e.retryable).toBe(retryable);
      expect(e.message).toMatch(/^[A-Z].{20,}[.]$/);
      expect(e.message).not.toMatch(/\d{4}/); // no raw numbers in front of the visitor for known codes
      expect(e.detail).toContain(String(code));
      expect(e.detail).toContain('raw text');
    });
  }

  it('an unknown code still produces a sentence with the raw code', () => {
    const e = sdkError(4242);
    expect(e).toMatchObject({ code: 'sdk-unknown', retryable: true, sdkCode: 4242 });
    expect(e.message).toContain('4242');
    expect(sdkError('weird').message).toContain('weird');
    expect(sdkError(undefined).message).toMatch(/unknown/);
  });

  it('numeric strings are read as codes', () => {
    expect(sdkError('1004').code).toBe('session-limit');
  });

  it('every widget error has a sentence', () => {
    for (const [code, { message }] of Object.entries(ERROR_TABLE)) {
      expect(message, code).toMatch(/^[A-Z].+[.]$/);
    }
  });
});

describe('wording and button agree', () => {
  it('an English sentence asks the visitor to try again only when Retry is offered', () => {
    for (const [code, { message, retryable }] of Object.entries(ERROR_TABLE)) {
      if (/try again/i.test(message)) expect(retryable, `${code}: "${message}"`).toBe(true);
    }
    expect(ERROR_TABLE['token-misconfigured']).toMatchObject({ retryable: false, message: expect.stringMatching(/contact the site owner/) });
  });

  it('every translation gives a "try again" sentence only to codes that offer Retry', () => {
    const retryKinds = new Set(['retry', 'network', 'busy', 'blocked']);
    for (const [kind, codes] of Object.entries(ERROR_KINDS)) {
      for (const code of codes) expect(ERROR_TABLE[code].retryable, `${code} is in the "${kind}" sentence`).toBe(retryKinds.has(kind));
    }
  });
});
