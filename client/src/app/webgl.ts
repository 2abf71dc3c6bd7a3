/** True when this device can create a WebGL context; otherwise the 2D view is the only view. */
export function detectWebgl(): boolean {
  if (new URLSearchParams(location.search).has('no3d')) return false;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}
