import { useMemo } from 'react';
import type { Seat } from '../../../shared/layout/layoutSchema.ts';
import { seatLabels } from '../../../shared/layout/seatLabels.ts';
import { seatAtlasEntries, seatGeometry, seatLabelGeometry } from './decor/seatGeometry.ts';
import { labelAtlas } from './decor/labelAtlas.ts';
import { BatchWithLabels } from './decor/BatchWithLabels.tsx';

/**
 * The auditorium's seats as one merged mesh, and (outside the light view) their row letters and seat
 * numbers as one more: software WebGL pays per instance, so seats are merged rather than instanced.
 * Usage: <SeatRows seats={hall.seats} light={false} />
 */
export function SeatRows({ seats, light }: { seats: Seat[]; light: boolean }) {
  const labels = seatLabels(seats);
  const geometry = useMemo(() => seatGeometry(seats, labels, light), [seats, labels, light]);
  const plates = useMemo(() => {
    if (light) return null;
    const atlas = labelAtlas(seatAtlasEntries(labels));
    return { atlas, geometry: seatLabelGeometry(seats, labels, atlas) };
  }, [seats, labels, light]);
  return <BatchWithLabels geometry={geometry} labels={plates} />;
}
