import { useId, useState } from 'react';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/ja.ts';

/** Hosts pick a PDF (or page images); it replaces the event's deck, also during the briefing. */
export function SlideUploader({ eventId }: { eventId: number }) {
  const { t } = useT();
  const id = useId();
  const [status, setStatus] = useState<{ key: MessageKey; detail?: string } | null>(null);
  return (
    <div className="slide-uploader">
      <label htmlFor={id}>{t('slides.upload')}</label>
      <input
        id={id}
        type="file"
        accept="application/pdf,.pdf,image/png,image/jpeg,image/webp"
        multiple
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length === 0) return;
          setStatus({ key: 'slides.preparing' });
          const r = await briefingActions.uploadSlides(eventId, files);
          setStatus(r.ok ? { key: 'slides.uploaded' } : { key: r.error!, detail: r.detail ?? '' });
        }}
      />
      {status && (
        <p role="status" className={status.key === 'slides.uploaded' ? undefined : 'muted'}>
          {t(status.key, { detail: status.detail ?? '' })}
        </p>
      )}
    </div>
  );
}
