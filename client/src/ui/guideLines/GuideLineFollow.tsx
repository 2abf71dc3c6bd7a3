import { getHall } from '../../../../shared/layout/hallLayout.ts';
import { guideColors } from '../../../../shared/layout/guideColors.ts';
import { guideLineName } from '../../i18n/guideColorName.ts';
import { useT } from '../../i18n/useT.ts';
import { useGuideLineStore } from '../../store/guideLineStore.ts';
import './guideLines.css';

/**
 * While "take me there" follows a floor line, which one to follow ("Follow the green line to Counter
 * Area A."), over the 2D plan where it is seen at once; nothing otherwise.
 */
export function GuideLineFollow() {
  const { t, tl, lang } = useT();
  const followed = useGuideLineStore((s) => s.followedAreaId);
  if (!followed) return null;
  const layout = getHall().layout;
  const area = layout.areas.find((a) => a.id === followed);
  const color = guideColors(layout).get(followed);
  if (!area || !color) return null;
  return (
    <p className="guide-line-follow">
      <span className="guide-line-swatch" style={{ background: color.hex }} aria-hidden="true" />
      {t('guideLine.follow', { line: guideLineName(color, lang), area: tl(area.name) })}
    </p>
  );
}
