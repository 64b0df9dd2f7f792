// What an evidence image shows. Painters in scenes.ts / cards.ts / screens.ts turn these into
// pixels.

export interface ShelfProduct {
  label: string;
  sub?: string;
  /** CSS colour of the box. */
  color: string;
}

/** Shop shelves with product boxes; one group highlighted with the offending label. */
export interface ShelfScene {
  type: 'shelf';
  products: ShelfProduct[];
  /** The evidence: a close label, e.g. 保质期至2025-08-01 / 原价¥129 现价¥69.9 */
  highlight: { label: string; lines: string[] };
  /** Shop sign across the top, e.g. 建国副食店 */
  sign: string;
}

/** A market stall with an electronic scale (计量). */
export interface StallScene {
  type: 'stall';
  sign: string;
  goods: string[];
  display: { weight: string; price: string; total: string };
  note: string;
}

/** A shop front (无照经营, 门店广告). */
export interface StorefrontScene {
  type: 'storefront';
  sign: string;
  posters: string[];
  note: string;
}

/** Elevator landing with the inspection certificate (特种设备). */
export interface ElevatorScene {
  type: 'elevator';
  plate: string[];
  note: string;
}

export interface Caption {
  /** e.g. 2026-10-12 09:32:15 */
  timestamp: string;
  location: string;
  /** e.g. 执法记录仪 DSJ-T9 编号340503017 */
  device: string;
}

export type SceneSpec = ShelfScene | StallScene | StorefrontScene | ElevatorScene;

/** A phone screenshot: app/web page with title, items and highlighted claims (电子数据). */
export interface ScreenSpec {
  type: 'screen';
  app: string;
  title: string;
  banner: string;
  items: { name: string; price?: string; note?: string; highlight?: boolean }[];
  footer: string;
  time: string;
}

/** 营业执照 (副本) copy. */
export interface LicenceSpec {
  type: 'licence';
  code: string;
  name: string;
  kind: string;
  person: { label: string; name: string };
  scope: string;
  capital?: string;
  founded: string;
  address: string;
  authority: string;
  issued: string;
}

/** 居民身份证 copy (front side). */
export interface IdCardSpec {
  type: 'idcard';
  name: string;
  male: boolean;
  birth: string;
  address: string;
  idNumber: string;
}

export type ImageSpec = (SceneSpec & { caption: Caption }) | ScreenSpec | LicenceSpec | IdCardSpec;
