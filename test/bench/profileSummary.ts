/** A V8 CPU profile (Chrome DevTools' Profiler.stop), as much of it as the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  samples?: number[];
  startTime: number;
  endTime: number;
}

/**
 * The functions that took the most time of their own, as lines of text: share of the profiled time,
 * name and where it is. "(idle)" is time the thread had nothing to do; "(program)" is the browser's own
 * work outside JavaScript (layout, painting, handing GL commands over).
 */
export function summariseProfile(profile: CpuProfile, top: number): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = profile.samples?.length ?? 0;
  const byName = new Map<string, number>();
  for (const [id, count] of counts) {
    const f = byNode.get(id)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
    byName.set(key, (byName.get(key) ?? 0) + count);
  }
  const rows = [...byName].sort((a, b) => b[1] - a[1]).slice(0, top);
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  return [
    `page JavaScript profile, ${seconds.toFixed(1)} s, ${total} samples; self time:`,
    ...rows.map(([name, n]) => `  ${((n / Math.max(1, total)) * 100).toFixed(1).padStart(5)} %  ${name}`),
  ].join('\n');
}
