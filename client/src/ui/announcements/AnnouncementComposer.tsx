import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AnnouncementRecord, Severity } from '../../../../shared/protocol/announcements.ts';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages.ts';
import { can } from '../../../../shared/auth/roles.ts';
import { closesAt } from '../../../../shared/hours/openingHours.ts';
import { getHall } from '../../../../shared/layout/hallLayout.ts';
import { announcementActions } from '../../app/announcementActions.ts';
import { refusalReason } from '../../app/refusals.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';
import { loadDictionary, translate } from '../../i18n/translate.ts';
import { NATIVE_NAMES } from '../../i18n/languageNames.ts';

const SEVERITIES: Severity[] = ['info', 'warning', 'emergency'];
type Texts = Partial<Record<Language, string>>;

/**
 * Hosts and admins: send an announcement to everyone in the hall (every room, every process), now or
 * at a time, for a while or until ended; see the ones showing or scheduled and end them.
 */
export function AnnouncementComposer() {
  const { t, tl } = useT();
  const formatWhen = useWhen();
  const staff = useQueueStore((s) => s.staff);
  const [severity, setSeverity] = useState<Severity>('info');
  const [texts, setTexts] = useState<Texts>({});
  const [at, setAt] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [live, setLive] = useState<AnnouncementRecord[]>([]);
  const id = useId();
  const allowed = !!staff && can(staff.role, 'announce');

  const refresh = () =>
    void announcementActions.all().then(
      (r) => setLive(r.notOver),
      () => {},
    );
  useEffect(() => {
    if (allowed) refresh();
  }, [allowed]);
  if (!allowed) return null;

  const hall = getHall().layout;
  const closing = closesAt(hall.openingHours, new Date(), hall.timeZone);
  const applyClosingTemplate = async () => {
    if (!closing) return;
    await Promise.all(LANGUAGES.map((l) => loadDictionary(l)));
    const time = closing.toLocaleTimeString('ja-JP', {
      timeZone: hall.timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
    setTexts(
      Object.fromEntries(LANGUAGES.map((l) => [l, translate(l, 'announce.template.closing', { time })])),
    );
    setSeverity('warning');
    const start = new Date(Math.max(Date.now(), closing.getTime() - 15 * 60_000));
    const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    setAt(local);
    setMinutes('15');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await announcementActions.send({
        severity,
        texts: { ja: texts.ja ?? '', ...texts },
        startsAt: at ? new Date(at).toISOString() : undefined,
        minutes: minutes === '' ? null : Number(minutes),
      });
      setMessage({ ok: true, text: t(at ? 'announce.scheduled' : 'announce.sent') });
      setTexts({});
      setAt('');
      refresh();
    } catch (err) {
      setMessage({
        ok: false,
        text: t('announce.failed', { reason: refusalReason(err) }),
      });
    }
  };

  return (
    <section className="announcement-composer" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('announce.compose')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('announce.severity')}</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name={`${id}-severity`}
                checked={severity === s}
                onChange={() => setSeverity(s)}
              />
              {t(`announce.severity.${s}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-ja`}>{t('announce.textJa')}</label>
        <textarea
          id={`${id}-ja`}
          required
          maxLength={300}
          rows={2}
          value={texts.ja ?? ''}
          onChange={(e) => setTexts({ ...texts, ja: e.target.value })}
        />
        <details>
          <summary>{t('announce.otherLanguages')}</summary>
          {LANGUAGES.filter((l) => l !== 'ja').map((l) => (
            <p key={l}>
              <label htmlFor={`${id}-${l}`}>{NATIVE_NAMES[l]}</label>
              <input
                id={`${id}-${l}`}
                maxLength={300}
                value={texts[l] ?? ''}
                onChange={(e) => setTexts({ ...texts, [l]: e.target.value })}
              />
            </p>
          ))}
        </details>
        {closing && (
          <button type="button" onClick={() => void applyClosingTemplate()}>
            {t('announce.closingTemplate')}
          </button>
        )}
        <p>
          <label htmlFor={`${id}-at`}>{t('announce.at')}</label>
          <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </p>
        <p>
          <label htmlFor={`${id}-minutes`}>{t('announce.minutes')}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </p>
        <button type="submit" className="primary">
          {t('announce.send')}
        </button>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'form-error'}>
            {message.text}
          </p>
        )}
      </form>
      {live.length > 0 && (
        <ul className="announcement-live">
          {live.map((a) => (
            <li key={a.id}>
              <strong>{t(`announce.severity.${a.severity}`)}</strong> {tl(a.texts)}{' '}
              <span className="muted">
                {Date.parse(a.startsAt) > Date.now()
                  ? t('announce.from', { when: formatWhen(a.startsAt) })
                  : t('announce.since', { when: formatWhen(a.startsAt) })}
              </span>
              <button
                type="button"
                aria-label={t('announce.endOne', { text: tl(a.texts) })}
                onClick={() =>
                  void announcementActions.end(a.id).then(refresh, (err: unknown) =>
                    setMessage({
                      ok: false,
                      text: t('announce.failed', { reason: refusalReason(err) }),
                    }),
                  )
                }
              >
                {t('announce.end')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('announce.composeHint')}</p>
    </section>
  );
}
