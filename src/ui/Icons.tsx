import type { LauncherIcon } from '../config/ui';
// The script tag's plain launcher paints the same paths: one copy, in src/launcher/launcher.ts.
import { ICON_PATHS } from '../launcher/launcher';


/** A launcher icon, hidden from assistive technology (the button has its text). */
export function Icon({ name }: { name: LauncherIcon }) {
  return name === 'none' ? null : (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}
