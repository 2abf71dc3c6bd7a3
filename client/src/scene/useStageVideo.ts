import { useEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { SRGBColorSpace, VideoTexture } from 'three';
import { reportScene } from '../app/testHook.ts';

/** A picture for the stage screen and its width over height. */
export interface ScreenPicture {
  texture: VideoTexture;
  aspect: number;
}

/** Video frames uploaded to stage screens since the page loaded (for the test hook). */
let uploaded = 0;

/**
 * The stage stream as a texture, through a <video> element of its own that is never shown (muted: the
 * panel plays the sound). The hall draws only when asked: each new video frame asks for a frame, at
 * most `maxFps` a second, so a paused or frozen stream costs nothing and a live one at most that many
 * frames of the whole hall. Null until the first frame gives the picture its shape.
 */
export function useStageVideo(stream: MediaStream | null, maxFps: number): ScreenPicture | null {
  const invalidate = useThree((s) => s.invalidate);
  const [picture, setPicture] = useState<ScreenPicture | null>(null);

  useEffect(() => {
    if (!stream) return;
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    // A VideoTexture uploads with texImage2D each time, so a picture changing size (the presenter
    // sharing a screen) needs no new texture; it uploads only after the video presented a new frame.
    const texture = new VideoTexture(video);
    texture.colorSpace = SRGBColorSpace;
    texture.onUpdate = () => reportScene({ stageScreenFrames: ++uploaded });
    const shape = () => {
      if (video.videoWidth > 0 && video.videoHeight > 0)
        setPicture({ texture, aspect: video.videoWidth / video.videoHeight });
    };
    video.addEventListener('loadedmetadata', shape);
    video.addEventListener('resize', shape);

    const gap = 1000 / maxFps;
    let asked = -Infinity;
    const ask = (now: number) => {
      if (now - asked < gap - 4) return;
      // Counted on a steady beat, not from the last frame asked for: 20 video frames a second give 15, not 10.
      asked = Math.max(asked + gap, now - gap);
      invalidate();
    };
    let callback = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    // Older browsers (Safari before 15.4, Firefox before 132) have no frame callbacks.
    if (typeof video.requestVideoFrameCallback === 'function') {
      const onFrame = (now: number) => {
        ask(now);
        callback = video.requestVideoFrameCallback(onFrame);
      };
      callback = video.requestVideoFrameCallback(onFrame);
    } else {
      // Without them the texture uploads on every frame drawn: draw at the cap while the video plays.
      timer = setInterval(() => {
        if (!video.paused && video.readyState >= video.HAVE_CURRENT_DATA) ask(performance.now());
      }, gap);
    }

    return () => {
      if (callback) video.cancelVideoFrameCallback(callback);
      clearInterval(timer);
      video.removeEventListener('loadedmetadata', shape);
      video.removeEventListener('resize', shape);
      texture.dispose();
      video.pause();
      video.srcObject = null;
      setPicture(null);
    };
  }, [stream, maxFps, invalidate]);

  return picture;
}
