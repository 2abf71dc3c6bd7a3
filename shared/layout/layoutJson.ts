/**
 * Writes a hall layout as JSON a person can edit: short arrays and objects (points, rectangles,
 * opening hours) stay on one line, everything else is indented. Parsing is plain JSON.
 */
export function formatLayoutJson(value: unknown): string {
  return write(value, '') + '\n';
}

const INLINE_WIDTH = 96;

function write(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object') return flat;
  const inner = indent + '  ';
  const nested = Object.values(value).some((v) => v !== null && typeof v === 'object' && !isSmall(v));
  if (!nested && flat.length + indent.length <= INLINE_WIDTH) return spaced(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** A point or a rectangle: written inline even inside a short object. */
function isSmall(v: object): boolean {
  return Object.values(v).every((x) => typeof x === 'number');
}

/** One line with a space after commas and colons, as a person would type it. */
function spaced(value: object): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (typeof v === 'object' && v ? spaced(v) : JSON.stringify(v))).join(', ')}]`;
  const parts = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}: ${typeof v === 'object' && v ? spaced(v) : JSON.stringify(v)}`);
  return `{ ${parts.join(', ')} }`;
}
