import { useEffect, useMemo } from 'react';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { shadeGeometry, shadeTexture, sunGeometry, sunTexture } from './decor/bakedLight.ts';

/** How dark the contact shadows are at their darkest, and how strong the daylight patch is. */
const SHADE = 0.42;
const SUN = 0.85;

/**
 * Light baked into the floor (no shadow maps, nothing computed per frame): soft contact shadows under
 * desks, benches, seats and along the walls, and the daylight falling in through the glass entrance.
 * Two draw calls; decoration, so the light view leaves it out. Usage: <BakedLight hall={hall} />
 */
export function BakedLight({ hall }: { hall: Hall }) {
  const { layout, seats } = hall;
  const shade = useMemo(
    () => ({ geometry: shadeGeometry(layout, seats), texture: shadeTexture() }),
    [layout, seats],
  );
  const sun = useMemo(() => {
    const made = sunGeometry(layout);
    return made ? { geometry: made.geometry, texture: sunTexture(made.panes) } : null;
  }, [layout]);
  useEffect(
    () => () => {
      shade.geometry?.dispose();
      shade.texture.dispose();
      sun?.geometry.dispose();
      sun?.texture.dispose();
    },
    [shade, sun],
  );
  return (
    <group>
      {shade.geometry && (
        <mesh geometry={shade.geometry} renderOrder={-1}>
          <meshBasicMaterial
            color="#000000"
            map={shade.texture}
            transparent
            opacity={SHADE}
            depthWrite={false}
          />
        </mesh>
      )}
      {sun && (
        <mesh geometry={sun.geometry} renderOrder={-1}>
          <meshBasicMaterial color="#fff6dc" map={sun.texture} transparent opacity={SUN} depthWrite={false} />
        </mesh>
      )}
    </group>
  );
}
