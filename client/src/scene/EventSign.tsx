import { useBriefingStore } from '../store/briefingStore.ts';
import { useT } from '../i18n/useT.ts';
import { useWhen } from '../i18n/useWhen.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { SignBoard } from './SignBoard.tsx';

/** A hanging sign over the auditorium entrance: the live briefing, or the next one. */
export function EventSign({ hall }: { hall: Hall }) {
  const { t, tl } = useT();
  const when = useWhen();
  const events = useBriefingStore((s) => s.events);
  const auditorium = hall.layout.areas.find((a) => a.kind === 'auditorium');
  if (!auditorium) return null;
  const live = events.find((e) => e.status === 'live');
  const next = events.find((e) => e.status === 'scheduled');
  const text = live
    ? t('events.sign.live', { title: tl(live.title) })
    : next
      ? t('events.sign.next', { title: tl(next.title), when: when(next.startsAt) })
      : t('events.sign.none');
  const x = (auditorium.rect.minX + auditorium.rect.maxX) / 2;
  return (
    <SignBoard
      id="event-sign"
      position={[x, 1.75, auditorium.rect.maxZ + 0.15]}
      height={1}
      lines={[
        { text: t('events.heading'), size: 30, color: '#ffffff' },
        { text, size: 44, bold: true, color: live ? '#ffd43b' : '#ffffff' },
      ]}
      options={{ padding: 14, background: '#1c4e80', maxTextWidth: 900 }}
    />
  );
}
