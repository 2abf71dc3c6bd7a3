import { useEffect, useMemo } from 'react';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { furnitureGeometry } from './decor/furnitureGeometry.ts';

/**
 * Benches, plants and consultation tables: all of them one merged mesh (a colour per vertex), built once
 * per plan. The light view gets plain blocks in the same places. Usage: <FurnitureBatch hall={hall} light />
 */
export function FurnitureBatch({ hall, light }: { hall: Hall; light: boolean }) {
  const { layout } = hall;
  const geometry = useMemo(() => furnitureGeometry(layout.furniture, light), [layout, light]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  if (!geometry) return null;
  return (
    <mesh geometry={geometry}>
      <meshLambertMaterial vertexColors />
    </mesh>
  );
}
