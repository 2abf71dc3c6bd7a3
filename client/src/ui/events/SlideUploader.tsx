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
      {/* The native file button speaks the browser's language; the label is the visible button instead. */}
      <input
        className="visually-hidden"
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
      <label htmlFor={id} className="button-like">
        {t('slides.upload')}
      </label>
      {status && (
        <p role="status" className={status.key === 'slides.uploaded' ? undefined : 'muted'}>
          {t(status.key, { detail: status.detail ?? '' })}
        </p>
      )}
    </div>
  );
}
