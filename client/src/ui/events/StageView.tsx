import { useEffect, useRef, useState } from 'react';
import { selfOf, useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';
import { SlideScreen } from './SlideScreen.tsx';
import { Captions } from './Captions.tsx';
import { useStageInScene } from './useStageInScene.ts';

function MediaOut({
  stream,
  muted,
  label,
}: {
  stream: MediaStream;
  muted: boolean;
  /** Video with this accessible name; audio only when absent. */
  label?: string;
}) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return label ? (
    <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} />
  ) : (
    <audio ref={ref} autoPlay muted={muted} />
  );
}

/**
 * The stage: the presenter's camera or screen, a sign-language interpreter pinned beside it when there
 * is one, the slides and the captions. Through Janus everyone receives it;
 * without Janus only the first few (peer-to-peer from the presenter), and the view says so.
 */
export function StageView() {
  const { t } = useT();
  const stage = useBriefingStore((s) => s.stage);
  const remote = useBriefingStore((s) => s.stageRemote);
  const local = useBriefingStore((s) => s.stageLocal);
  const voices = useBriefingStore((s) => s.voices);
  const sharing = useBriefingStore((s) => s.sharingScreen);
  const micOn = useBriefingStore((s) => s.microphoneOn);
  const me = useBriefingStore(selfOf);
  const presenting = me?.role === 'presenter';
  const interpreting = me?.role === 'interpreter';
  const signing = useBriefingStore((s) => s.interpreterRemote);
  const [quiet, setQuiet] = useState(false);
  // The 3D auditorium shows the picture on its stage screen: here only the sound, and where to look.
  const onScreen = useStageInScene();
  useEffect(() => {
    if (stage && !presenting) briefingActions.watch();
  }, [stage, presenting]);
  const stream = presenting ? local : remote;
  // Without Janus only the presenter sends (peer-to-peer): the interpreter needs the SFU to be seen.
  const onStage = presenting || (interpreting && stage?.mode === 'sfu');
  const p2p = stage?.mode === 'p2p';
  const receives = !p2p || presenting || !!me?.viewer;

  return (
    <div className="stage" aria-label={t('briefing.stageLabel')} role="region">
      {p2p && <p className="muted">{t('briefing.p2pLimit', { limit: stage.limit })}</p>}
      <div className="stage-screens">
        {onScreen ? (
          <p className="muted">
            {stream && <MediaOut stream={stream} muted={presenting || quiet} />}
            {t('briefing.onStageScreen')}
          </p>
        ) : (
          <div className="stage-video">
            {stream ? (
              <MediaOut stream={stream} muted={presenting || quiet} label={t('briefing.stageVideo')} />
            ) : (
              <p>
                {receives
                  ? t('briefing.waitingForPresenter')
                  : t('briefing.noVideoForYou', { limit: p2p ? stage.limit : 0 })}
              </p>
            )}
          </div>
        )}
        {signing && (
          <div className="stage-video stage-interpreter">
            <MediaOut stream={signing} muted={interpreting || quiet} label={t('briefing.interpreterVideo')} />
            <p className="stage-caption-label">{t('briefing.interpreterVideo')}</p>
          </div>
        )}
        <SlideScreen presenting={presenting} />
      </div>
      {voices.map((v) => (
        <MediaOut key={v.id} stream={v} muted={quiet} />
      ))}
      <Captions />
      <div className="ticket-actions">
        {!presenting && (
          <button type="button" aria-pressed={quiet} onClick={() => setQuiet(!quiet)}>
            {t('briefing.muteStage')}
          </button>
        )}
        {stage && onStage && !local && (
          <button type="button" className="primary" onClick={() => void briefingActions.goOnStage()}>
            {t('briefing.goOnStage')}
          </button>
        )}
        {presenting && local && (
          <button
            type="button"
            aria-pressed={sharing}
            onClick={() => void briefingActions.shareScreen(!sharing)}
          >
            {sharing ? t('briefing.stopSharing') : t('briefing.shareScreen')}
          </button>
        )}
        {stage && me?.speaking && !presenting && (
          <button
            type="button"
            className={micOn ? undefined : 'primary'}
            aria-pressed={micOn}
            onClick={() => void briefingActions.speak(!micOn)}
          >
            {micOn ? t('briefing.microphoneOff') : t('briefing.microphoneOn')}
          </button>
        )}
      </div>
    </div>
  );
}
