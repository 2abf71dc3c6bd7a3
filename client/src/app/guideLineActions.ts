import { getHall, type Hall } from '../../../shared/layout/hallLayout.ts';
import { guideLines, type GuideLine } from '../../../shared/layout/guideLines.ts';
import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import { localIntent, localPose, type WalkPlan } from '../store/poses.ts';
import { useGuideLineStore } from '../store/guideLineStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { guideColorName } from '../i18n/guideColorName.ts';

// Path finding for every line takes a few milliseconds: once per layout, shared by the 3D and 2D views.
const cache = new WeakMap<HallLayout, GuideLine[]>();

/** The floor guidance lines of the hall in use. */
export function hallGuideLines(hall: Hall = getHall()): GuideLine[] {
  let lines = cache.get(hall.layout);
  if (!lines) {
    lines = guideLines(hall);
    cache.set(hall.layout, lines);
  }
  return lines;
}

let followedPlan: WalkPlan | null = null;
let watch: ReturnType<typeof setInterval> | undefined;

/**
 * Marks the walk just planned as following `areaId`'s line. The mark lasts as long as that walk: arriving,
 * walking with the keys or planning another walk ends it. Checked a few times a second, not per frame,
 * and only while a line is followed.
 */
export function followGuideLine(areaId: string | null): void {
  followedPlan = areaId ? localIntent.plan : null;
  useGuideLineStore.setState({ followedAreaId: followedPlan ? areaId : null });
  if (watch !== undefined || !followedPlan) return;
  watch = setInterval(() => {
    if (localIntent.plan === followedPlan) return;
    clearInterval(watch);
    watch = undefined;
    followedPlan = null;
    useGuideLineStore.setState({ followedAreaId: null });
  }, 250);
}

/**
 * After "take me there" planned a walk to a counter in `areaId`: the walk follows that area's floor line,
 * which is highlighted and named ("Walking to 3番窓口, along the green line."). Nothing to follow for
 * someone already in the area.
 */
export function guideAlongLine(areaId: string, label: string): void {
  const line = guideColorName(areaId, useAppStore.getState().lang);
  if (!line || getHall().areaAt(localPose.x, localPose.z)?.id === areaId) {
    followGuideLine(null);
    return;
  }
  followGuideLine(areaId);
  useHallStore.getState().announce('guideLine.walking', { name: label, line });
}
