import { getHall } from '../../../shared/layout/hallLayout.ts';
import { openInfoDesk } from '../app/guideActions.ts';
import { useT } from '../i18n/useT.ts';
import { AvatarFigure } from './AvatarFigure.tsx';

/** Beside the desk's east end, facing the entrance: not hidden behind the desk from the camera. */
const BESIDE_DESK_M = 0.6;

/**
 * The guide standing at the information desk. Clicking it opens the guide (the side panel's
 * "Ask at the information desk" does the same from the keyboard and the 2D view).
 */
export function InfoDeskGuideFigure() {
  const { t } = useT();
  const desk = getHall().layout.furniture.find((f) => f.kind === 'infoDesk');
  if (!desk) return null;
  const x = desk.rect.maxX + BESIDE_DESK_M;
  const z = (desk.rect.minZ + desk.rect.maxZ) / 2;
  return (
    <group
      position={[x, 0, z]}
      onClick={(e) => {
        e.stopPropagation();
        openInfoDesk();
      }}
      onPointerOver={() => (document.body.style.cursor = 'pointer')}
      onPointerOut={() => (document.body.style.cursor = '')}
    >
      <AvatarFigure color="#0b7285" nickname={t('desk.guide')} staff />
    </group>
  );
}
