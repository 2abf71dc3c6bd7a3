import { useAnnouncementStore } from '../store/announcementStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { localized } from '../i18n/translate.ts';
import { chime } from './callAlert.ts';

/**
 * A new announcement is read out: info and warnings through the polite live region (the notice line),
 * emergencies by the banner's own alert role; warnings and emergencies also chime. Each once per tab.
 */
export function startAnnouncementAlerts(): () => void {
  const seen = new Set<number>();
  return useAnnouncementStore.subscribe((s) => {
    const lang = useAppStore.getState().lang;
    let ring = false;
    for (const a of s.current) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      if (a.severity !== 'info') ring = true;
      if (a.severity !== 'emergency' && !s.dismissed.includes(a.id)) {
        useHallStore.getState().announce('announce.new', { text: localized(lang, a.texts) });
      }
    }
    if (ring) chime();
  });
}
