/**
 * Property test: NUM_RUNS (default 10 000) generated configs through resolveConfig, strict
 * and lenient (as the widget calls it). Each must end in a CobrowseConfigError naming a
 * field or in a resolved config whose every value is safe to render; never another
 * exception, never a polluted prototype. Fixed seed; `SEED=` and `NUM_RUNS=` override.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ResolvedConfig } from '../../src/config/config';
import { CobrowseConfigError } from '../../src/shared/config-error';
import { COSMETIC, configArb, NUM_RUNS, SEED } from '../helpers/config-arbitraries';
import { expectConfigError, expectNoPollution, expectSafeResolved, newCounts, printCounts } from '../helpers/config-checks';

// No DOM here: an element is anything with nodeType 1, as resolveConfig checks it.
const arb = configArb({ containers: fc.oneof(fc.constantFrom('#help', 'body', '.widget-slot'), fc.constant({ nodeType: 1 })) });

type Outcome = { ok: true; value: ResolvedConfig } | { ok: false; error: unknown };
function attempt(fn: () => ResolvedConfig): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

const strictCounts = newCounts();
const lenientCounts = newCounts();
let cosmeticReports = 0;

afterAll(() => {
  printCounts('resolveConfig strict', SEED, strictCounts, 'valid');
  printCounts('resolveConfig as the widget calls it (cosmetic mistakes reported)', SEED, lenientCounts, 'valid', `${cosmeticReports} cosmetic mistakes reported and defaulted`);
});

describe('resolveConfig over generated configs', () => {
  it(`${NUM_RUNS} configs: a CobrowseConfigError naming a field, or a safe resolved config`, () => {
    fc.assert(
      fc.property(arb, (config) => {
        const strict = attempt(() => resolveConfig(config));
        const reported: unknown[] = [];
        const lenient = attempt(() => resolveConfig(config, { onCosmeticError: (e) => reported.push(e) }));
        expectNoPollution();

        for (const [o, counts] of [[strict, strictCounts], [lenient, lenientCounts]] as const) {
          if (o.ok) {
            counts.mounted++;
            expectSafeResolved(o.value);
          } else if (o.error instanceof CobrowseConfigError) {
            counts.configErrors++;
            expectConfigError(o.error);
          } else {
            counts.other++;
            expectConfigError(o.error); // fails with the unexpected error's name, message and stack
          }
        }
        cosmeticReports += reported.length;
        // The widget's mode only ever forgives cosmetic fields, and reports each one it forgave.
        for (const e of reported) {
          expectConfigError(e);
          expect(e.field, e.message).toMatch(COSMETIC);
        }
        if (!lenient.ok) expect((lenient.error as CobrowseConfigError).field).not.toMatch(COSMETIC);
        if (lenient.ok && !strict.ok) {
          expect((strict.error as CobrowseConfigError).field).toMatch(COSMETIC);
          expect(reported.length).toBeGreaterThan(0);
        }
        if (strict.ok) {
          expect(lenient.ok).toBe(true);
          expect(reported).toEqual([]);
        }
        if (!lenient.ok && !strict.ok && !COSMETIC.test((strict.error as CobrowseConfigError).field)) {
          // Both stop at the same non-cosmetic field when no cosmetic one came first.
          expect((lenient.error as CobrowseConfigError).field).toBe((strict.error as CobrowseConfigError).field);
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    expect(strictCounts.other + lenientCounts.other).toBe(0);
    // The generator is useful only if it reaches both outcomes in numbers.
    expect(strictCounts.mounted).toBeGreaterThan(NUM_RUNS / 10);
    expect(strictCounts.configErrors).toBeGreaterThan(NUM_RUNS / 10);
  }, 120_000);
});
