import { useHallStore } from '../store/hallStore.ts';
import { useT } from '../i18n/useT.ts';

/** One visible line for what just happened, mirrored to screen readers through a live region. */
export function NoticeLine() {
  const { t } = useT();
  const notice = useHallStore((s) => s.notice);
  return (
    <p className="notice-line" role="log" aria-live="polite" aria-atomic="true">
      {notice && <span key={notice.seq}>{t(notice.key, notice.params)}</span>}
    </p>
  );
}
