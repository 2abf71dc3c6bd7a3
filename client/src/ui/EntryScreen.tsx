import { useEffect, useId, useState, type FormEvent } from 'react';
import { AVATAR_COLORS, NICKNAME_MAX, type AvatarColor } from '../../../shared/constants.ts';
import { checkNickname } from '../../../shared/nickname.ts';
import { preferredColor, useAppStore } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import type { MessageKey } from '../i18n/ja.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { DisplaySettings } from './DisplaySettings.tsx';
import { ENTRY_USABLE_MARK } from './entryMark.ts';
import { useRuby } from '../i18n/Ruby.tsx';

/** Asks only for what the hall needs: a nickname, a colour and a language. No personal data. */
export function EntryScreen() {
  // When the form can first be used (mounted, handlers attached): what bench:entry measures up to.
  useEffect(() => void performance.mark(ENTRY_USABLE_MARK), []);
  const { t } = useT();
  const { rt } = useRuby();
  const setProfile = useAppStore((s) => s.setProfile);
  const joinError = useAppStore((s) => s.joinError);
  const [nickname, setNickname] = useState('');
  const [color, setColor] = useState<AvatarColor>(preferredColor);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const nicknameId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = checkNickname(nickname);
    if (!result.ok) {
      setProblem(`nickname.${result.problem}`);
      document.getElementById(nicknameId)?.focus();
      return;
    }
    setProblem(null);
    useAppStore.getState().setJoinError(null);
    setProfile({ nickname: result.value, color });
  };

  return (
    <main className="entry" id="main">
      <div className="entry-card">
        <h1>{rt('entry.heading')}</h1>
        <p className="lead">{rt('entry.lead')}</p>
        {joinError && (
          <p className="form-error" role="alert">
            {t(joinError)}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={nicknameId}>{t('entry.nickname')}</label>
            <input
              id={nicknameId}
              name="nickname"
              type="text"
              autoComplete="nickname"
              value={nickname}
              aria-invalid={problem !== null}
              aria-describedby={problem ? `${errorId} ${hintId}` : hintId}
              onChange={(e) => {
                setNickname(e.target.value);
                if (problem) setProblem(null);
              }}
            />
            <p className="hint" id={hintId}>
              {t('entry.nicknameHint', { max: NICKNAME_MAX })}
            </p>
            {problem && (
              <p className="field-error" id={errorId} role="alert">
                {t(problem, { max: NICKNAME_MAX })}
              </p>
            )}
          </div>
          <fieldset className="field colors">
            <legend>{t('entry.color')}</legend>
            {AVATAR_COLORS.map((c) => (
              <label key={c} className="color-choice">
                <input
                  type="radio"
                  name="color"
                  value={c}
                  checked={c === color}
                  onChange={() => setColor(c)}
                />
                <span className="swatch" style={{ background: c }} aria-hidden="true" />
                <span>{t(`color.${c}`)}</span>
              </label>
            ))}
          </fieldset>
          <LanguageSelect />
          <DisplaySettings />
          <button type="submit" className="primary">
            {t('entry.enter')}
          </button>
        </form>
        <section className="privacy" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">{t('entry.privacyHeading')}</h2>
          <p>{t('entry.privacy')}</p>
        </section>
      </div>
    </main>
  );
}
