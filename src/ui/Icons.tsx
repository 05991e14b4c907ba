import type { LauncherIcon } from '../config/ui';

// One stroked path each (24×24, styled in CSS): a few hundred bytes for all three.
const PATHS: Record<Exclude<LauncherIcon, 'none'>, string> = {
  help: 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01',
  chat: 'M21 11.5a8.5 8.5 0 0 1-12.3 7.6L3 20.5l1.4-5A8.5 8.5 0 1 1 21 11.5z',
  headset: 'M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v5H6a2 2 0 0 1-2-2zm16 0h-3v5h1a2 2 0 0 0 2-2zM18 19a3 3 0 0 1-3 3h-2',
};

/** A launcher icon, hidden from assistive technology (the button has its text). */
export function Icon({ name }: { name: LauncherIcon }) {
  return name === 'none' ? null : (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
