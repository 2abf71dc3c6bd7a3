import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import { LayoutError, validateLayout } from '../../../shared/layout/validateLayout.ts';
import type { LayoutProblem } from '../../../shared/protocol/hallLayout.ts';

export type LayoutCheck =
  { ok: true; layout: HallLayout; version: string } | { ok: false; problems: LayoutProblem[] };

/** Same layout, same version, on every process: a hash of its canonical JSON. */
export const layoutVersion = (layout: HallLayout): string =>
  createHash('sha256').update(JSON.stringify(layout)).digest('base64url').slice(0, 16);

/**
 * Reads a hall layout file's text completely: JSON syntax (with its line and column), the schema, and
 * the plan checks (overlaps, doors, reachability). Every problem comes back at once, none is thrown.
 */
export function checkLayoutText(text: string): LayoutCheck {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, problems: [{ path: jsonErrorPlace(text, err), reason: 'not valid JSON' }] };
  }
  try {
    const layout = validateLayout(data as Parameters<typeof validateLayout>[0]);
    return { ok: true, layout, version: layoutVersion(layout) };
  } catch (err) {
    if (!(err instanceof LayoutError)) throw err;
    return { ok: false, problems: err.problems.map(splitProblem) };
  }
}

/** Reads HALL_FILE at start-up; a bad file stops the server with every problem listed. */
export function readHallFile(path: string): { layout: HallLayout; version: string } {
  const checked = checkLayoutText(readFileSync(path, 'utf8'));
  if (!checked.ok) {
    throw new Error(
      `The hall file ${path} has problems:\n${checked.problems.map((p) => `- ${p.path || '(file)'}: ${p.reason}`).join('\n')}`,
    );
  }
  return checked;
}

/** Schema problems read "counters.3.desk: …"; the plan checks name the item in their sentence. */
function splitProblem(text: string): LayoutProblem {
  const m = /^([\w$.-]*): (.*)$/s.exec(text);
  return m ? { path: m[1] || '(top level)', reason: m[2]! } : { path: '', reason: text };
}

function jsonErrorPlace(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const at = /position (\d+)/.exec(message);
  if (!at) return 'end of file';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}
