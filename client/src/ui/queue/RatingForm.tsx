import { useState } from 'react';
import { recordActions } from '../../app/recordActions.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';

const STARS = [1, 2, 3, 4, 5] as const;

/** After the consultation the resident may rate it (1–5) and comment; stored without their identity. */
export function RatingForm() {
  const { t } = useT();
  const rated = useQueueStore((s) => s.rated);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  if (rated) return <p role="status">{t('rating.thanks')}</p>;
  return (
    <form
      className="rating-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (rating > 0) recordActions.rate(rating, comment.trim());
      }}
    >
      <fieldset>
        <legend>{t('rating.question')}</legend>
        {STARS.map((n) => (
          <label key={n} className="inline-choice">
            <input type="radio" name="rating" checked={rating === n} onChange={() => setRating(n)} />
            {t(`rating.${n}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="rating-comment">{t('rating.comment')}</label>
      <textarea
        id="rating-comment"
        rows={2}
        maxLength={500}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" disabled={rating === 0}>
        {t('rating.send')}
      </button>
    </form>
  );
}
