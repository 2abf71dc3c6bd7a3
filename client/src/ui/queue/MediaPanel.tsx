import { useEffect, useRef, useState } from 'react';
import { useMediaStore, type DeviceOption } from '../../store/mediaStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { mediaActions } from '../../app/mediaActions.ts';
import { useT } from '../../i18n/useT.ts';
import { ReceptionStatus } from './ReceptionStatus.tsx';

// A stable empty list: a fresh [] from a store selector would re-render forever.
const NONE: never[] = [];

function DeviceSelect(props: {
  kind: 'camera' | 'microphone';
  label: string;
  options: DeviceOption[];
  value: string;
}) {
  const { t } = useT();
  if (props.options.length === 0) return null;
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => mediaActions.chooseDevice(props.kind, e.target.value)}>
        <option value="">{t('media.defaultDevice')}</option>
        {props.options.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Video({ stream, muted, label }: { stream: MediaStream | null; muted: boolean; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} />;
}

/**
 * Face to face: the other person's video and sound, our own preview, and the controls. Nothing is
 * switched on until the resident chooses (the browser then asks for permission); if the camera or
 * permission is missing it falls back to voice, then to text, and says why.
 */
export function MediaPanel() {
  const { t, tl } = useT();
  const m = useMediaStore();
  const isStaff = useQueueStore((s) => s.staff !== null);
  const c = useQueueStore((s) => s.consultation);
  const selfIsStaff = isStaff;
  const other = c?.participants.find((p) => (selfIsStaff ? p.role === 'resident' : p.role === 'staff'));
  const procedures = useCatalogStore(
    (s) => s.counters.find((x) => x.id === c?.counterId)?.procedures ?? NONE,
  );
  const [share, setShare] = useState('');

  const otherState = other
    ? [
        other.audio ? t('media.theyTalk') : t('media.theyMuted'),
        other.screen ? t('media.theyShare') : other.video ? t('media.theyCamera') : t('media.theyNoCamera'),
      ].join(t('counter.separator'))
    : '';

  return (
    <section className="media-panel" aria-labelledby="media-heading">
      <h3 id="media-heading">{t('media.heading')}</h3>
      <ReceptionStatus other={other} />
      <div className="videos">
        <figure className="remote-view">
          <div className="video-frame">
            <Video
              stream={m.remote}
              muted={false}
              label={t('media.remoteVideo', { name: other?.nickname ?? '' })}
            />
            {!m.picture && (
              <span className="no-picture" aria-hidden="true">
                {t('media.noPicture')}
              </span>
            )}
          </div>
          <figcaption>
            {other?.nickname} {otherState && <span className="muted">({otherState})</span>}
          </figcaption>
        </figure>
        {m.local && (
          <figure className="self-view">
            <Video stream={m.local} muted label={t('media.selfVideo')} />
            <figcaption>{t('media.you')}</figcaption>
          </figure>
        )}
      </div>
      {m.notice && <p className="form-error">{t(m.notice)}</p>}
      {m.phase === 'off' || m.phase === 'textOnly' ? (
        <div className="media-start">
          <p>{t('media.explain')}</p>
          <div className="ticket-actions">
            <button type="button" className="primary" onClick={() => mediaActions.start('video')}>
              {t('media.startVideo')}
            </button>
            <button type="button" onClick={() => mediaActions.start('audio')}>
              {t('media.startAudio')}
            </button>
          </div>
        </div>
      ) : m.phase === 'asking' ? (
        <p role="status">{t('media.asking')}</p>
      ) : (
        <div className="media-controls">
          <button type="button" aria-pressed={!m.audio} onClick={mediaActions.toggleMicrophone}>
            {m.audio ? t('media.mute') : t('media.unmute')}
          </button>
          <button type="button" aria-pressed={!m.video} onClick={mediaActions.toggleCamera}>
            {m.video ? t('media.cameraOff') : t('media.cameraOn')}
          </button>
          <button type="button" onClick={mediaActions.audioOnly}>
            {t('media.audioOnly')}
          </button>
          <button type="button" onClick={mediaActions.textOnly}>
            {t('media.textOnly')}
          </button>
          {isStaff &&
            (m.screen ? (
              <button type="button" aria-pressed onClick={mediaActions.stopScreen}>
                {t('media.stopScreen')}
              </button>
            ) : (
              <button type="button" onClick={mediaActions.shareScreen}>
                {t('media.shareScreen')}
              </button>
            ))}
          <DeviceSelect kind="camera" label={t('media.camera')} options={m.cameras} value={m.cameraId} />
          <DeviceSelect
            kind="microphone"
            label={t('media.microphone')}
            options={m.microphones}
            value={m.microphoneId}
          />
          {m.quality === 'poor' && m.video && <p className="muted">{t('media.poorHint')}</p>}
        </div>
      )}
      {isStaff && procedures.length > 0 && (
        <form
          className="share-procedure"
          onSubmit={(e) => {
            e.preventDefault();
            if (share) mediaActions.shareProcedure(share);
          }}
        >
          <label htmlFor="share-procedure">{t('media.shareProcedure')}</label>
          <select id="share-procedure" value={share} onChange={(e) => setShare(e.target.value)}>
            <option value="">—</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {tl(p.name)}
              </option>
            ))}
          </select>
          <button type="submit">{t('media.sendLink')}</button>
        </form>
      )}
    </section>
  );
}
