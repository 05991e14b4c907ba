/**
 * Text/background pairs as rendered (config, host-page overrides and defaults
 * together, in the current colour scheme) whose contrast is below WCAG AA's
 * 4.5:1, as console sentences. Colours are resolved by painting them on a 1×1
 * canvas, so every CSS colour syntax works; without canvas (SSR, happy-dom) it checks nothing.
 */
export function contrastProblems(host: HTMLElement): string[] {
  const style = getComputedStyle(host);
  const ctx = host.ownerDocument.createElement('canvas').getContext('2d', { willReadFrequently: true });
  // Relative luminance + 0.05 (WCAG 2.1).
  const lum = (token: string): number => {
    ctx!.fillStyle = style.getPropertyValue(`--zcw-${token}`);
    ctx!.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...ctx!.getImageData(0, 0, 1, 1).data].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05;
  };
  return ctx
    ? [['text', 'surface'], ['muted', 'surface'], ['danger', 'surface'], ['on-primary', 'primary']].flatMap(([fg, bg]) => {
        const [x, y] = [lum(fg!), lum(bg!)];
        const ratio = Math.max(x, y) / Math.min(x, y);
        return ratio < 4.5 ? [`theme: --zcw-${fg} on --zcw-${bg} has a contrast of ${ratio.toFixed(2)}:1, below the 4.5:1 WCAG AA asks for text. Adjust the colours.`] : [];
      })
    : [];
}
