// From src/config/public-masking, not src/index: the script-tag page has no Vite client to define __VERSION__.
import { compileMasking, type CompiledMasking, type MaskingConfig } from '../src/config/public-masking';

const cache = new WeakMap<object, CompiledMasking | null>();

/**
 * The widget's masking rules, compiled, for the emulator's agent view: the same rules the widget
 * hands to the SDK. Reads `config.masking` (compiled at creation) or compiles `config.maskingConfig`
 * (builds that compile on intent), so the demo follows either shape of the resolved config.
 */
export function widgetMasking(config: object | undefined): CompiledMasking | null | undefined {
  if (!config) return undefined;
  let compiled = cache.get(config);
  if (compiled === undefined) {
    const c = config as { masking?: CompiledMasking | null; maskingConfig?: MaskingConfig | false };
    compiled = c.masking !== undefined ? c.masking : compileMasking(c.maskingConfig);
    cache.set(config, compiled);
  }
  return compiled;
}
