import type { MouseEvent } from 'react';
import { useAppStore } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';

/** Moves focus to the element itself (a link to a fragment only scrolls in some browsers). */
function jump(e: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}

/**
 * The first stops of the Tab order, shown when focused: to the hall, to the side panel (ticket, guide,
 * staff console) and to the 3D/2D switch, so keyboard users need not tab through everything between.
 */
export function SkipLinks({ side }: { side: boolean }) {
  const { t } = useT();
  const webglAvailable = useAppStore((s) => s.webglAvailable);
  const links: [string, string][] = [
    ['main', t('app.skipToMain')],
    ...(side ? ([['side', t('app.skipToSide')]] as [string, string][]) : []),
    ...(webglAvailable ? ([['view-switch', t('app.skipToViewSwitch')]] as [string, string][]) : []),
  ];
  return (
    <nav className="skip-links" aria-label={t('app.skipLinks')}>
      {links.map(([id, label]) => (
        <a key={id} className="skip-link" href={`#${id}`} onClick={(e) => jump(e, id)}>
          {label}
        </a>
      ))}
    </nav>
  );
}
