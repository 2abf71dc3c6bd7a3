import type { Response } from 'express';
import { toCsv, type CsvCell } from '../../../shared/csv/writeCsv.ts';

/**
 * A CSV download: rows (written by toCsv, formula cells neutralised) or a sheet already written, as
 * UTF-8 with a byte order mark (spreadsheet programs read the Japanese correctly only with it; every
 * reader of ours drops it), never cached.
 */
export function sendCsv(
  res: Response,
  fileName: string,
  csv: string | readonly (readonly CsvCell[])[],
): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(typeof csv === 'string' ? `\uFEFF${csv.replace(/^\uFEFF/, '')}` : toCsv(csv, { bom: true }));
}
