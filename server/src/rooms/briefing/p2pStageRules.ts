import type { BriefingPerson } from '../../../../shared/state/briefingState.ts';

/**
 * Peer-to-peer video costs the presenter's upload per viewer, so only the first `limit` (in order of
 * arrival; those who caption, interpret or moderate first: they cannot do their work without it) receive
 * it; when one leaves, the next in line takes the place.
 */
const WORKS_FROM_THE_STAGE = new Set(['captioner', 'interpreter', 'moderator']);
export function assignViewers(people: Iterable<BriefingPerson>, limit: number): void {
  const audience = [...people].filter((p) => p.role !== 'presenter');
  const inLine = [
    ...audience.filter((p) => WORKS_FROM_THE_STAGE.has(p.role)),
    ...audience.filter((p) => !WORKS_FROM_THE_STAGE.has(p.role)),
  ];
  inLine.forEach((p, i) => (p.viewer = i < limit));
}

/** Signalling goes only between the presenter and a viewer or an invited speaker, either way. */
export function mayExchangeSignals(a: BriefingPerson, b: BriefingPerson): boolean {
  const linked = (from: BriefingPerson, to: BriefingPerson) =>
    from.role === 'presenter' && to.role !== 'presenter' && (to.viewer || to.speaking);
  return linked(a, b) || linked(b, a);
}
