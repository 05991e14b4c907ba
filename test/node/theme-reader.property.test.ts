/**
 * Property test: the script tag's launcher paints with readTheme (no messages) and the panel
 * explains with validateTheme, so the two must agree on every theme: readTheme refuses nothing
 * exactly when validateTheme accepts, and then both give the same CSS values. Were they to
 * disagree, the launcher could paint a value the validator later rejects, or keep a default
 * and load the panel early for a theme that was fine. Fixed seed; `SEED=` and `NUM_RUNS=` override.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTheme, validateTheme } from '../../src/config/theme';
import { CobrowseConfigError } from '../../src/shared/config-error';
import { NUM_RUNS, SEED, themeArb } from '../helpers/config-arbitraries';

describe('readTheme (the launcher) and validateTheme (the panel) apply one set of rules', () => {
  it(`${NUM_RUNS} generated themes: accepted by both or refused by both, with the same values`, () => {
    let refusedBoth = 0;
    fc.assert(
      fc.property(themeArb, (theme) => {
        const read = readTheme(theme);
        let validated: ReturnType<typeof validateTheme> | undefined;
        try {
          validated = validateTheme(theme, 'theme');
        } catch (err) {
          expect(err).toBeInstanceOf(CobrowseConfigError);
          // The field the validator names is one the reader refused (or the theme itself).
          const field = (err as CobrowseConfigError).field.replace(/^theme\.?/, '');
          expect(read.refused.length).toBeGreaterThan(0);
          if (field && !/^"/.test(field)) expect(read.refused).toContain(field);
          refusedBoth++;
          return;
        }
        expect(read.refused).toEqual([]);
        expect(read.theme).toEqual(validated);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    // The generator makes both kinds; a run that only ever accepted would prove little.
    expect(refusedBoth).toBeGreaterThan(NUM_RUNS / 10);
  });

  it('a refused value keeps its default and is named, the other fields still apply', () => {
    expect(readTheme({ primary: 'red; background:url(x)', radius: 8, position: 'top-left' })).toEqual({
      theme: { mode: 'auto', position: 'top-left', radius: '8px' },
      refused: ['primary'],
    });
    expect(readTheme({ colour: 'red' }).refused).toEqual(['colour']);
    expect(readTheme('dark').refused).toEqual(['(theme)']);
  });
});
