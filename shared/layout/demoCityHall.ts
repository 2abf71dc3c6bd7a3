import type { HallLayoutInput } from './layoutSchema.ts';

/**
 * The demo city hall. A city adapts the hall by editing this data (areas, walls, counters, seats),
 * not the code; `hallLayout.ts` validates it at start-up on both sides.
 *
 * Plan (north up): lobby with the information desk in the south centre, the auditorium north of it,
 * counters 1–5 along the west wall, counters 6–10 along the east wall, and three consultation rooms
 * off the east corridor.
 */
const westCounter = (n: number, z: number) => ({
  desk: { minX: -27.5, maxX: -26.5, minZ: z - 1.5, maxZ: z + 1.5 },
  facing: 'east' as const,
  serviceSpot: [-25.2, z] as [number, number],
  staffSpot: [-28.6, z] as [number, number],
  areaId: 'counters-a',
  number: n,
});
const eastCounter = (n: number, z: number) => ({
  desk: { minX: 26.5, maxX: 27.5, minZ: z - 1.5, maxZ: z + 1.5 },
  facing: 'west' as const,
  serviceSpot: [25.2, z] as [number, number],
  staffSpot: [28.6, z] as [number, number],
  areaId: 'counters-b',
  number: n,
});
const consultTable = (id: string, z: number) => ({
  id,
  kind: 'table' as const,
  rect: { minX: 23, maxX: 25, minZ: z - 0.6, maxZ: z + 0.6 },
  height: 0.75,
});
const bench = (id: string, minX: number, z: number) => ({
  id,
  kind: 'bench' as const,
  rect: { minX, maxX: minX + 4, minZ: z, maxZ: z + 0.6 },
  height: 0.45,
});
const plant = (id: string, x: number, z: number) => ({
  id,
  kind: 'plant' as const,
  rect: { minX: x - 0.4, maxX: x + 0.4, minZ: z - 0.4, maxZ: z + 0.4 },
  height: 1.4,
});

export const demoCityHall: HallLayoutInput = {
  id: 'demo-city-hall',
  name: { ja: 'バーチャル市役所', en: 'Virtual City Hall' },
  timeZone: 'Asia/Tokyo',
  openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:30', close: '17:15' }],
  bounds: { minX: -30, minZ: -20, maxX: 30, maxZ: 20 },
  wallHeight: 4.2,
  wallThickness: 0.3,
  areas: [
    {
      id: 'lobby',
      kind: 'lobby',
      name: { ja: 'ロビー', en: 'Lobby' },
      description: {
        ja: '正面入口と総合案内があります。',
        en: 'Main entrance and the information desk.',
      },
      rect: { minX: -10, maxX: 10, minZ: 0, maxZ: 20 },
      floorColor: '#f2ece1',
    },
    {
      id: 'counters-a',
      kind: 'counters',
      name: { ja: '窓口エリアA（1〜5番）', en: 'Counters A (1–5)' },
      description: {
        ja: '住民票・税・保険・健康の窓口です。',
        en: 'Residence records, tax, insurance and health counters.',
      },
      rect: { minX: -30, maxX: -10, minZ: -20, maxZ: 20 },
      floorColor: '#e6eff7',
    },
    {
      id: 'auditorium',
      kind: 'auditorium',
      name: { ja: '講堂', en: 'Auditorium' },
      description: {
        ja: '説明会や講座を行うホールです。舞台と客席があります。',
        en: 'Hall for briefings and classes, with a stage and seats.',
      },
      rect: { minX: -10, maxX: 10, minZ: -20, maxZ: 0 },
      floorColor: '#efe3d0',
    },
    {
      id: 'corridor-east',
      kind: 'corridor',
      name: { ja: '東通路', en: 'East corridor' },
      description: {
        ja: '窓口エリアBと相談室へ続く通路です。',
        en: 'Leads to Counters B and the consultation rooms.',
      },
      rect: { minX: 10, maxX: 18, minZ: 2, maxZ: 20 },
      floorColor: '#efefea',
    },
    {
      id: 'counters-b',
      kind: 'counters',
      name: { ja: '窓口エリアB（6〜10番）', en: 'Counters B (6–10)' },
      description: {
        ja: '介護・福祉・子育ての窓口です。',
        en: 'Care, welfare and child-rearing counters.',
      },
      rect: { minX: 10, maxX: 30, minZ: -20, maxZ: 2 },
      floorColor: '#e8f3e8',
    },
    ...[1, 2, 3].map((n) => ({
      id: `consult-${n}`,
      kind: 'consultation' as const,
      name: { ja: `相談室${n}`, en: `Consultation room ${n}` },
      description: {
        ja: '職員と個別に相談できる部屋です。',
        en: 'A private room for one-to-one consultations with staff.',
      },
      rect: { minX: 18, maxX: 30, minZ: 2 + (n - 1) * 6, maxZ: 8 + (n - 1) * 6 },
      floorColor: '#f4ebf1',
    })),
  ],
  walls: [
    { id: 'outer-north', from: [-30, -20], to: [30, -20] },
    { id: 'outer-west', from: [-30, -20], to: [-30, 20] },
    { id: 'outer-east', from: [30, -20], to: [30, 20] },
    { id: 'outer-south-w', from: [-30, 20], to: [-2.5, 20] },
    { id: 'entrance-glass', from: [-2.5, 20], to: [2.5, 20], glass: true },
    { id: 'outer-south-e', from: [2.5, 20], to: [30, 20] },
    { id: 'west-partition-n', from: [-10, -20], to: [-10, 4] },
    { id: 'west-partition-s', from: [-10, 16], to: [-10, 20] },
    { id: 'east-partition-n', from: [10, -20], to: [10, 4] },
    { id: 'east-partition-s', from: [10, 16], to: [10, 20] },
    { id: 'auditorium-w', from: [-10, 0], to: [-6.5, 0] },
    { id: 'auditorium-c', from: [-3.5, 0], to: [3.5, 0], glass: true },
    { id: 'auditorium-e', from: [6.5, 0], to: [10, 0] },
    { id: 'consult-north', from: [18, 2], to: [30, 2] },
    { id: 'consult-1-2', from: [18, 8], to: [30, 8] },
    { id: 'consult-2-3', from: [18, 14], to: [30, 14] },
    { id: 'consult-front-1', from: [18, 2], to: [18, 4.1] },
    { id: 'consult-front-2', from: [18, 5.9], to: [18, 10.1] },
    { id: 'consult-front-3', from: [18, 11.9], to: [18, 16.1] },
    { id: 'consult-front-4', from: [18, 17.9], to: [18, 20] },
  ],
  doors: [
    { id: 'lobby-counters-a', at: [-10, 10], width: 12, between: ['lobby', 'counters-a'] },
    { id: 'lobby-corridor-east', at: [10, 10], width: 12, between: ['lobby', 'corridor-east'] },
    { id: 'corridor-counters-b', at: [14, 2], width: 8, between: ['corridor-east', 'counters-b'] },
    { id: 'auditorium-west-door', at: [-5, 0], width: 3, between: ['lobby', 'auditorium'] },
    { id: 'auditorium-east-door', at: [5, 0], width: 3, between: ['lobby', 'auditorium'] },
    { id: 'consult-1-door', at: [18, 5], width: 1.8, between: ['corridor-east', 'consult-1'] },
    { id: 'consult-2-door', at: [18, 11], width: 1.8, between: ['corridor-east', 'consult-2'] },
    { id: 'consult-3-door', at: [18, 17], width: 1.8, between: ['corridor-east', 'consult-3'] },
  ],
  counters: [
    {
      id: 'shimin',
      departmentId: 'shimin-ka',
      name: { ja: '市民課', en: 'Citizens Affairs Division' },
      handles: {
        ja: '住民票・戸籍・転入転出・印鑑登録',
        en: 'Residence records, family register, moving in/out, seal registration',
      },
      ...westCounter(1, -15),
      // Many cities open the residents' counter on Saturday mornings for certificates and moves.
      openingHours: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:30', close: '17:15' },
        { days: ['sat'], open: '09:00', close: '12:00' },
      ],
    },
    {
      id: 'shiminzei',
      departmentId: 'shiminzei-ka',
      name: { ja: '市民税課', en: 'Municipal Tax Division' },
      handles: { ja: '住民税の申告・課税証明書', en: 'Resident tax returns, tax certificates' },
      ...westCounter(2, -8),
    },
    {
      id: 'shuno',
      departmentId: 'shuno-ka',
      name: { ja: '収納課', en: 'Tax Collection Division' },
      handles: { ja: '市税の納付・納税相談', en: 'Paying city taxes, payment consultations' },
      ...westCounter(3, -1),
    },
    {
      id: 'kokuho-nenkin',
      departmentId: 'kokuho-nenkin-ka',
      name: { ja: '国保年金課', en: 'National Health Insurance and Pension Division' },
      handles: { ja: '国民健康保険・国民年金', en: 'National health insurance, national pension' },
      ...westCounter(4, 6),
    },
    {
      id: 'kenko',
      departmentId: 'kenko-suishin-ka',
      name: { ja: '健康推進課', en: 'Health Promotion Division' },
      handles: {
        ja: '健診・予防接種・母子健康手帳',
        en: 'Health check-ups, vaccinations, maternal and child health handbook',
      },
      ...westCounter(5, 13),
    },
    {
      id: 'kaigo',
      departmentId: 'kaigo-hoken-ka',
      name: { ja: '介護保険課', en: 'Long-term Care Insurance Division' },
      handles: { ja: '要介護認定・介護保険料', en: 'Care-need certification, care insurance premiums' },
      ...eastCounter(6, -17),
    },
    {
      id: 'shogai',
      departmentId: 'shogai-fukushi-ka',
      name: { ja: '障害福祉課', en: 'Disability Welfare Division' },
      handles: { ja: '障害者手帳・福祉サービス', en: 'Disability certificates, welfare services' },
      ...eastCounter(7, -13),
    },
    {
      id: 'seikatsu',
      departmentId: 'seikatsu-shien-ka',
      name: { ja: '生活支援課', en: 'Livelihood Support Division' },
      handles: {
        ja: '生活保護・生活に困ったときの相談',
        en: 'Public assistance, help in financial hardship',
      },
      ...eastCounter(8, -9),
    },
    {
      id: 'kosodate',
      departmentId: 'kosodate-shien-ka',
      name: { ja: '子育て支援課', en: 'Child-rearing Support Division' },
      handles: { ja: '児童手当・子ども医療費助成', en: "Child allowance, children's medical subsidy" },
      ...eastCounter(9, -5),
    },
    {
      id: 'hoiku',
      departmentId: 'hoiku-ka',
      name: { ja: '保育課', en: 'Childcare Division' },
      handles: { ja: '保育所・保育園の入所申込', en: 'Nursery school applications' },
      ...eastCounter(10, -1),
    },
  ],
  furniture: [
    {
      id: 'info-desk',
      kind: 'infoDesk',
      rect: { minX: -2, maxX: 2, minZ: 7.4, maxZ: 8.6 },
      height: 1.0,
      name: { ja: '総合案内', en: 'Information' },
    },
    {
      id: 'stage',
      kind: 'stage',
      rect: { minX: -7, maxX: 7, minZ: -19.85, maxZ: -16 },
      height: 0.6,
      name: { ja: '舞台', en: 'Stage' },
    },
    bench('bench-a1', -20, -12),
    bench('bench-a2', -20, -5),
    bench('bench-a3', -20, 2),
    bench('bench-a4', -20, 9),
    bench('bench-b1', 16, -15),
    bench('bench-b2', 16, -8),
    plant('plant-lobby-sw', -8.8, 18.8),
    plant('plant-lobby-se', 8.8, 18.8),
    plant('plant-lobby-nw', -8.8, 1.2),
    plant('plant-lobby-ne', 8.8, 1.2),
    consultTable('table-consult-1', 5),
    consultTable('table-consult-2', 11),
    consultTable('table-consult-3', 17),
  ],
  seatBlocks: [
    {
      id: 'aud-left',
      areaId: 'auditorium',
      origin: [-7.5, -13],
      rows: 7,
      cols: 6,
      spacing: [1.0, 1.3],
      facing: 'north',
    },
    {
      id: 'aud-right',
      areaId: 'auditorium',
      origin: [2.5, -13],
      rows: 7,
      cols: 6,
      spacing: [1.0, 1.3],
      facing: 'north',
    },
  ],
  spawnPoints: [
    [0, 17],
    [-2, 17],
    [2, 17],
    [-3, 15.5],
    [-1, 15.5],
    [1, 15.5],
    [3, 15.5],
    [0, 13.5],
  ],
};
