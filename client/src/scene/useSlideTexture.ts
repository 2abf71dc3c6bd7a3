import { useEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { SRGBColorSpace, Texture } from 'three';

export interface SlidePicture {
  texture: Texture;
  aspect: number;
  url: string;
}

/**
 * The slide image at `url` as a texture; the previous page stays up until the next one is decoded (no
 * blank between pages), then its texture is disposed. Null without a slide or when the image fails.
 */
export function useSlideTexture(url: string | null): SlidePicture | null {
  const invalidate = useThree((s) => s.invalidate);
  const [slide, setSlide] = useState<SlidePicture | null>(null);

  useEffect(() => {
    if (!url) {
      setSlide(null);
      return;
    }
    let live = true;
    const image = new Image();
    image.src = url;
    image.decode().then(
      () => {
        if (!live) return;
        const texture = new Texture(image);
        texture.colorSpace = SRGBColorSpace;
        texture.anisotropy = 4;
        texture.needsUpdate = true;
        setSlide({ texture, aspect: image.naturalWidth / image.naturalHeight, url });
        invalidate();
      },
      () => {
        if (live) setSlide(null);
      },
    );
    return () => {
      live = false;
    };
  }, [url, invalidate]);

  useEffect(() => () => slide?.texture.dispose(), [slide]);
  return slide;
}
