import { LANGUAGES } from '../../shared/i18n/languages.ts';
import type { Catalog } from '../../shared/catalog/catalogSchema.ts';

/**
 * Where a text lacks a language: every object that carries Japanese (`ja`) must carry every language
 * the city hall speaks, where the Japanese is not empty. Returns paths like `procedures[3].name: ko`.
 */
export function translationGaps(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => translationGaps(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if ('ja' in o && (typeof o.ja === 'string' || Array.isArray(o.ja))) {
    const jaEmpty = typeof o.ja === 'string' ? o.ja === '' : o.ja.length === 0;
    if (jaEmpty) return [];
    return LANGUAGES.filter((l) => {
      const t = o[l];
      return typeof t === 'string' ? t.trim() === '' : !Array.isArray(t) || t.length === 0;
    }).map((l) => `${path}: ${l}`);
  }
  return Object.entries(o).flatMap(([k, v]) => translationGaps(v, path ? `${path}.${k}` : k));
}

export const catalogGaps = (c: Catalog) => translationGaps(c);
