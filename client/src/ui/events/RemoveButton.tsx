import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useT.ts';

export interface RemoveButtonProps {
  /** Who would be removed: named in every button, so a screen reader hears whom each one is for. */
  name: string;
  onRemove(): void;
}

/**
 * Removing someone from a briefing is for good (they cannot come back from that tab), so it takes a second,
 * explicit press; focus moves to the confirmation and back when it is cancelled.
 * `<RemoveButton name={p.nickname} onRemove={() => briefingActions.remove(p.id)} />`
 */
export function RemoveButton({ name, onRemove }: RemoveButtonProps) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const touched = useRef(false);
  useEffect(() => {
    if (touched.current) (asking ? confirm : first).current?.focus();
  }, [asking]);
  const ask = (on: boolean) => {
    touched.current = true;
    setAsking(on);
  };
  if (!asking)
    return (
      <button type="button" ref={first} onClick={() => ask(true)}>
        {t('briefing.removeOf', { name })}
      </button>
    );
  return (
    <>
      <button
        type="button"
        ref={confirm}
        className="primary danger"
        onClick={() => {
          ask(false);
          onRemove();
        }}
      >
        {t('briefing.removeConfirmOf', { name })}
      </button>
      <button type="button" onClick={() => ask(false)}>
        {t('briefing.removeCancelOf', { name })}
      </button>
    </>
  );
}
