import type { HallLayout } from '../../../../shared/layout/layoutSchema.ts';
import type { LayoutChange } from '../../../../shared/protocol/hallLayout.ts';
import type { useT } from '../../i18n/useT.ts';

type Words = Pick<ReturnType<typeof useT>, 't' | 'tl'>;

/** One change of an uploaded plan in the admin's language, naming counters and areas as residents see them. */
export function layoutChangeText(
  { t, tl }: Words,
  change: LayoutChange,
  plans: readonly (HallLayout | undefined)[],
): string {
  const counter = (id: string, number: number) => {
    const c = plans.flatMap((p) => p?.counters ?? []).find((x) => x.id === id);
    return t('hall.counterName', { number, name: c ? tl(c.name) : id });
  };
  const area = (id: string) => {
    const a = plans.flatMap((p) => p?.areas ?? []).find((x) => x.id === id);
    return a ? tl(a.name) : id;
  };
  const point = ([x, z]: readonly [number, number]) => `${x}, ${z}`;
  switch (change.kind) {
    case 'counterAdded':
    case 'counterRemoved':
      return t(`admin.hall.change.${change.kind}`, { counter: counter(change.id, change.number) });
    case 'counterMoved':
      return t('admin.hall.change.counterMoved', {
        counter: counter(change.id, change.number),
        from: point(change.from),
        to: point(change.to),
      });
    case 'counterRenumbered':
      return t('admin.hall.change.counterRenumbered', {
        counter: counter(change.id, change.number),
        was: change.was,
      });
    case 'areaAdded':
    case 'areaRemoved':
    case 'areaResized':
      return t(`admin.hall.change.${change.kind}`, { area: area(change.id) });
    default:
      return t(`admin.hall.change.${change.kind}`);
  }
}
