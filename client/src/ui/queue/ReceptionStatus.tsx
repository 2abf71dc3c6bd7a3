import { useMediaStore } from '../../store/mediaStore.ts';
import type { ConsultationView } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';

/** After this long without a picture (or sound) the other person says is on, say what to try. */
export const RECEPTION_HELP_AFTER_MS = 15_000;

type Participant = ConsultationView['participants'][number];

/**
 * What really arrives from the other person, in words: the connection quality only while their picture
 * or voice is arriving, otherwise "no picture from them yet" and, after a while, what to try. Based on
 * the receiver's statistics, not on the other side's say-so or the connection state alone.
 */
export function ReceptionStatus({ other }: { other: Participant | undefined }) {
  const { t } = useT();
  const m = useMediaStore();
  if (!other) return null;
  const name = other.nickname;
  const waitedTooLong = (since: number | null) =>
    since !== null && m.sampledAt - Math.max(since, m.linkSince ?? since) > RECEPTION_HELP_AFTER_MS;
  // Each line: its text and whether it is the connection quality (coloured by it) or a missing stream.
  const lines: [string, string][] = [];
  const note = (text: string) => lines.push([text, 'reception-missing']);
  if (!other.connected) {
    note(t('media.otherAway', { name }));
  } else if (!m.picture && !m.sound && !other.video && !other.audio) {
    note(t('media.waitingForOther', { name }));
  } else {
    if (m.picture || m.sound) lines.push([t(`media.quality.${m.quality}`), `quality-${m.quality}`]);
    if (!m.picture) {
      note(
        !other.video
          ? t('media.noPictureOff', { name })
          : waitedTooLong(m.videoExpectedSince)
            ? t('media.noPictureHelp', { name })
            : t('media.noPictureYet', { name }),
      );
    }
    if (!m.sound && other.audio) {
      note(
        waitedTooLong(m.audioExpectedSince)
          ? t('media.noSoundHelp', { name })
          : t('media.noSoundYet', { name }),
      );
    }
  }
  return (
    <div className="reception" role="status">
      {lines.map(([text, className]) => (
        <p key={text} className={className}>
          {text}
        </p>
      ))}
    </div>
  );
}
