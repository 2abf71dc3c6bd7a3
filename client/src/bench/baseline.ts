import {
  AmbientLight,
  BoxGeometry,
  Color,
  DirectionalLight,
  HemisphereLight,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  WebGLRenderer,
} from 'three';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { wallBox } from '../../../shared/sim/world.ts';
import { CAMERA_OFFSET } from '../scene/CameraRig.tsx';

/**
 * `npm run bench:fps` baseline: the hall's floors, walls, desks, furniture and seats as plain boxes in
 * bare three.js, with the hall's camera, lights, resolution and antialiasing, drawn every frame. What
 * the real hall reaches is compared with this, on the same machine, in the same run.
 */
const hall = getHall();
const { layout } = hall;
const scene = new Scene();
scene.background = new Color('#dce8f2');
scene.add(new HemisphereLight('#ffffff', '#b8ab94', 2.3));
const sun = new DirectionalLight('#ffffff', 0.8);
sun.position.set(12, 25, 14);
scene.add(sun, new AmbientLight('#ffffff', 0));

const box = (w: number, h: number, d: number, x: number, y: number, z: number, color: string) => {
  const m = new Mesh(new BoxGeometry(w, h, d), new MeshLambertMaterial({ color }));
  m.position.set(x, y, z);
  scene.add(m);
};
for (const a of layout.areas) {
  const floor = new Mesh(
    new PlaneGeometry(a.rect.maxX - a.rect.minX, a.rect.maxZ - a.rect.minZ),
    new MeshLambertMaterial({ color: a.floorColor }),
  );
  floor.rotation.x = -Math.PI / 2;
  floor.position.set((a.rect.minX + a.rect.maxX) / 2, 0, (a.rect.minZ + a.rect.maxZ) / 2);
  scene.add(floor);
}
for (const w of layout.walls) {
  const b = wallBox(w.from, w.to, layout.wallThickness);
  const h = w.from[1] === w.to[1] && w.from[1] !== layout.bounds.minZ ? 1.1 : layout.wallHeight;
  box(b.maxX - b.minX, h, b.maxZ - b.minZ, (b.minX + b.maxX) / 2, h / 2, (b.minZ + b.maxZ) / 2, '#fbf9f4');
}
for (const c of layout.counters) {
  const d = c.desk;
  box(d.maxX - d.minX, 1, d.maxZ - d.minZ, (d.minX + d.maxX) / 2, 0.5, (d.minZ + d.maxZ) / 2, '#c89f74');
}
for (const f of layout.furniture) {
  const r = f.rect;
  box(
    r.maxX - r.minX,
    f.height,
    r.maxZ - r.minZ,
    (r.minX + r.maxX) / 2,
    f.height / 2,
    (r.minZ + r.maxZ) / 2,
    '#8a7a66',
  );
}
for (const s of hall.seats) box(0.55, 0.1, 0.5, s.at[0], 0.45, s.at[1], '#3b6ea5');

const [sx, sz] = layout.spawnPoints[0]!;
const camera = new PerspectiveCamera(50, innerWidth / innerHeight, 0.1, 250);
camera.position.set(sx, CAMERA_OFFSET.y, sz + CAMERA_OFFSET.z);
camera.lookAt(sx, 0.8, sz);
const renderer = new WebGLRenderer({ antialias: true, powerPreference: 'low-power' });
renderer.setPixelRatio(1.25);
renderer.setSize(innerWidth, innerHeight);
document.body.appendChild(renderer.domElement);

const probe = { fps: 0, frames: 0, since: performance.now() };
(window as unknown as { __baseline: typeof probe }).__baseline = probe;
renderer.setAnimationLoop(() => {
  renderer.render(scene, camera);
  probe.frames++;
  const now = performance.now();
  if (now - probe.since >= 1000) {
    probe.fps = Math.round((probe.frames * 1000) / (now - probe.since));
    probe.frames = 0;
    probe.since = now;
  }
});
