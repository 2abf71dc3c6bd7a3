import type { BriefingPerson } from '../../../../shared/state/briefingState.ts';

/**
 * Peer-to-peer video costs the presenter's upload per viewer, so only the first `limit` (in order of
 * arrival; moderators first) receive it; when one leaves, the next in line takes the place.
 */
export function assignViewers(people: Iterable<BriefingPerson>, limit: number): void {
  const audience = [...people].filter((p) => p.role !== 'presenter');
  const inLine = [
    ...audience.filter((p) => p.role === 'moderator'),
    ...audience.filter((p) => p.role !== 'moderator'),
  ];
  inLine.forEach((p, i) => (p.viewer = i < limit));
}

/** Signalling goes only between the presenter and a viewer or an invited speaker, either way. */
export function mayExchangeSignals(a: BriefingPerson, b: BriefingPerson): boolean {
  const linked = (from: BriefingPerson, to: BriefingPerson) =>
    from.role === 'presenter' && to.role !== 'presenter' && (to.viewer || to.speaking);
  return linked(a, b) || linked(b, a);
}
