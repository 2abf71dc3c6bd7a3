import { getHall } from '../../../../shared/layout/hallLayout.ts';
import { guideColors, guidedAreas } from '../../../../shared/layout/guideColors.ts';
import { guideLineName } from '../../i18n/guideColorName.ts';
import { useT } from '../../i18n/useT.ts';
import { useGuideLineStore } from '../../store/guideLineStore.ts';
import './guideLines.css';

/**
 * The floor guidance lines in words, under the 2D plan: which colour leads to which counter area, the
 * followed one marked. The colour is always named, never only shown.
 */
export function GuideLineLegend() {
  const { t, tl, lang } = useT();
  const followed = useGuideLineStore((s) => s.followedAreaId);
  const layout = getHall().layout;
  const colors = guideColors(layout);
  const areas = guidedAreas(layout);
  if (areas.length === 0) return null;
  return (
    <section className="guide-line-legend" aria-labelledby="guide-line-heading">
      <h3 id="guide-line-heading">{t('guideLine.heading')}</h3>
      <p className="muted">{t('guideLine.intro')}</p>
      <ul>
        {areas.map((a) => {
          const color = colors.get(a.id)!;
          const on = a.id === followed;
          return (
            <li
              key={a.id}
              data-guide-area={a.id}
              aria-current={on ? 'true' : undefined}
              className={on ? 'on' : ''}
            >
              <span className="guide-line-swatch" style={{ background: color.hex }} aria-hidden="true" />
              {t('guideLine.to', { line: guideLineName(color, lang), area: tl(a.name) })}
              {on && <span className="guide-line-following"> — {t('guideLine.following')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
