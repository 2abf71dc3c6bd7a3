import {
  AmbientLight,
  BoxGeometry,
  CapsuleGeometry,
  Color,
  DirectionalLight,
  HemisphereLight,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  SphereGeometry,
  WebGLRenderer,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { getHall, putHallInUse } from '../../../shared/layout/hallLayout.ts';
import { fetchHallLayout } from '../net/hallLayoutApi.ts';
import { wallBox } from '../../../shared/sim/world.ts';
import { CAMERA_OFFSET } from '../scene/CameraRig.tsx';

/**
 * `npm run bench:fps` baseline: the hall's floors, walls, desks, furniture and seats as plain boxes in
 * bare three.js, with the hall's camera, lights, resolution and antialiasing, drawn every frame. What
 * the real hall reaches is compared with this, on the same machine, in the same run.
 */
// The same plan the hall draws: the one the server has in use.
const plan = await fetchHallLayout();
putHallInUse(plan.layout, plan.version);
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

// ?avatars=N: N plain figures (instanced capsule bodies and sphere heads) standing around the camera's
// focus; &detail=low draws them with the fewest triangles; &aa=0 and &dpr= change the renderer. For
// telling what a crowd costs bare three.js on this machine, apart from the hall's own code.
const params = new URLSearchParams(location.search);
const [sx, sz] = layout.spawnPoints[0]!;
const avatars = Number(params.get('avatars') ?? 0);
if (avatars > 0) {
  const low = params.get('detail') === 'low';
  const quad = params.get('detail') === 'quad';
  const bodies = new InstancedMesh(
    quad ? new PlaneGeometry(0.6, 1.1) : new CapsuleGeometry(0.3, 0.75, low ? 1 : 3, low ? 6 : 10),
    new MeshLambertMaterial({ color: '#2e7d32' }),
    avatars,
  );
  const heads = new InstancedMesh(
    quad ? new PlaneGeometry(0.46, 0.46) : new SphereGeometry(0.23, low ? 6 : 12, low ? 4 : 8),
    new MeshLambertMaterial({ color: '#f1d3b6' }),
    avatars,
  );
  const m = new Matrix4();
  for (let i = 0; i < avatars; i++) {
    const x = sx + ((i % 10) - 4.5) * 1.4;
    const z = sz - 9 + Math.floor(i / 10) * 1.3;
    bodies.setMatrixAt(i, m.makeTranslation(x, 0.68, z));
    heads.setMatrixAt(i, m.makeTranslation(x, 1.56, z));
  }
  if (params.get('merged')) {
    // The same figures as one plain mesh each (no instancing), to tell per-instance from per-triangle cost.
    const merge = (mesh: InstancedMesh) => {
      const copies = Array.from({ length: avatars }, (_, i) => {
        mesh.getMatrixAt(i, m);
        return mesh.geometry.clone().applyMatrix4(m);
      });
      return new Mesh(mergeGeometries(copies), mesh.material);
    };
    scene.add(merge(bodies), merge(heads));
  } else scene.add(bodies, heads);
}

const camera = new PerspectiveCamera(50, innerWidth / innerHeight, 0.1, 250);
camera.position.set(sx, CAMERA_OFFSET.y, sz + CAMERA_OFFSET.z);
camera.lookAt(sx, 0.8, sz);
const renderer = new WebGLRenderer({ antialias: params.get('aa') !== '0', powerPreference: 'low-power' });
renderer.setPixelRatio(Number(params.get('dpr') ?? 1.25));
renderer.setSize(innerWidth, innerHeight);
document.body.appendChild(renderer.domElement);

const probe = { fps: 0, frames: 0, since: performance.now(), drawn: { calls: 0, triangles: 0, dpr: 0 } };
(window as unknown as { __baseline: typeof probe }).__baseline = probe;
renderer.setAnimationLoop(() => {
  renderer.render(scene, camera);
  probe.frames++;
  const now = performance.now();
  if (now - probe.since >= 1000) {
    probe.fps = Math.round((probe.frames * 1000) / (now - probe.since));
    const { calls, triangles } = renderer.info.render;
    probe.drawn = { calls, triangles, dpr: renderer.getPixelRatio() };
    probe.frames = 0;
    probe.since = now;
  }
});
