import { describe, expect, it } from 'vitest';
import { SCRIPT_PASSES } from '../../scripts/build-passes.mjs';
import { LAZY_PARTS, partFile, partGlobal } from '../../src/shared/lazy-parts';

describe('lazy parts: one name each', () => {
  it('the build writes each part under the file and global its loader asks for', () => {
    for (const name of LAZY_PARTS) {
      const pass = SCRIPT_PASSES.find((p) => p.name === name);
      expect(pass, `a build pass named "${name}"`).toBeDefined();
      expect([pass!.file, pass!.global]).toEqual([partFile(name), partGlobal(name)]);
    }
    expect([partFile('engine'), partGlobal('engine')]).toEqual(['zoom-cobrowse-engine.iife.js', 'ZoomCobrowseEngine']);
  });
});
