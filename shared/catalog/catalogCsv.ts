import { z } from 'zod';
import { LANGUAGES, isLanguage } from '../i18n/languages.ts';
import { parseCsv, CsvSyntaxError } from '../csv/readCsv.ts';
import { unescapeFormula } from '../csv/formulaEscape.ts';
import {
  DEPARTMENT_COLUMNS,
  FAQ_COLUMNS,
  HOTLINE_COLUMNS,
  SHELTER_COLUMNS,
  LIFE_EVENT_COLUMNS,
  PROCEDURE_COLUMNS,
  QUESTION_COLUMNS,
  RULE_COLUMNS,
  headerFor,
  list,
  listsOf,
  textsOf,
  type Column,
  type SheetRow,
} from './catalogRows.ts';
import {
  type Catalog,
  type Condition,
  type Department,
  type FaqEntry,
  type Hotline,
  type Shelter,
  type LifeEvent,
  type Procedure,
  type Rule,
} from './catalogSchema.ts';

/**
 * The catalogue as eight spreadsheets a city clerk can edit. Reading reports every bad row with its
 * file, line and reason; nothing partial comes out of a file with errors. Columns may come in any
 * order; a language's columns may be missing (its texts then fall back to Japanese).
 */
export const CATALOG_FILES = {
  departments: { file: 'departments.csv', columns: DEPARTMENT_COLUMNS },
  procedures: { file: 'procedures.csv', columns: PROCEDURE_COLUMNS },
  lifeEvents: { file: 'life_events.csv', columns: LIFE_EVENT_COLUMNS },
  questions: { file: 'life_event_questions.csv', columns: QUESTION_COLUMNS },
  rules: { file: 'life_event_rules.csv', columns: RULE_COLUMNS },
  faq: { file: 'faq.csv', columns: FAQ_COLUMNS },
  shelters: { file: 'shelters.csv', columns: SHELTER_COLUMNS },
  hotlines: { file: 'hotlines.csv', columns: HOTLINE_COLUMNS },
} as const;

/** Sheets added after cities had their catalogue: a folder without them keeps what is stored. */
export const LATER_SHEETS: ReadonlySet<CatalogFileKind> = new Set(['faq', 'shelters', 'hotlines']);
export type CatalogFileKind = keyof typeof CATALOG_FILES;

/** The header the city hall writes: every column, every language it speaks. */
export function catalogHeader(kind: CatalogFileKind, languages: readonly string[] = LANGUAGES): string[] {
  return headerFor(CATALOG_FILES[kind].columns, languages);
}

export interface CatalogIssue {
  file: string;
  line: number;
  message: string;
}

export class CatalogError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(
      `Catalogue has ${issues.length} problem(s):\n${issues.map((i) => `  ${i.file}:${i.line}: ${i.message}`).join('\n')}`,
    );
    this.name = 'CatalogError';
  }
}

interface Row<T> {
  line: number;
  value: T;
}

type Cell = { column: Column; lang: string | null };

const MAX_HEADER_ISSUES = 20;

/** Maps each header name to its column (and language), or reports why it cannot be read. */
function readHeader(kind: CatalogFileKind, names: string[], file: string, issues: CatalogIssue[]) {
  const columns = CATALOG_FILES[kind].columns;
  const cells: Cell[] = [];
  const seen = new Set<string>();
  const before = issues.length;
  for (const name of names) {
    if (seen.has(name)) issues.push({ file, line: 1, message: `column "${name}" appears twice` });
    seen.add(name);
    const plain = columns.find((c) => !c.localized && c.name === name);
    const localized = columns.find((c) => c.localized && name.startsWith(`${c.name}_`));
    const lang = localized ? name.slice(localized.name.length + 1) : '';
    if (plain) cells.push({ column: plain, lang: null });
    else if (localized && isLanguage(lang)) cells.push({ column: localized, lang });
    else
      issues.push({
        file,
        line: 1,
        message: localized
          ? `column "${name}": "${lang}" is not one of the languages (${LANGUAGES.join(', ')})`
          : `unknown column "${name}"`,
      });
  }
  for (const c of columns) {
    const needed = c.localized ? `${c.name}_ja` : c.name;
    if (!c.localized && c.optional) continue;
    if (!seen.has(needed)) issues.push({ file, line: 1, message: `missing column "${needed}"` });
  }
  // A sheet that is not a catalogue sheet at all (thousands of columns) gets a readable report.
  const extra = issues.length - before - MAX_HEADER_ISSUES;
  if (extra > 0) {
    issues.splice(before + MAX_HEADER_ISSUES, extra, {
      file,
      line: 1,
      message: `and ${extra} more problems with the header`,
    });
  }
  return issues.length === before ? cells : null;
}

function readRows(
  kind: CatalogFileKind,
  source: string,
  issues: CatalogIssue[],
  /** Ids of every row, valid or not, so one bad row is reported once rather than again by each reference. */
  seenIds?: Set<string>,
): Row<SheetRow>[] {
  const { file, columns } = CATALOG_FILES[kind];
  let records;
  try {
    records = parseCsv(source);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      issues.push({ file, line: e.line, message: e.reason });
      return [];
    }
    throw e;
  }
  const [head, ...body] = records;
  const cells = head ? readHeader(kind, head.fields, file, issues) : null;
  if (!head)
    issues.push({
      file,
      line: 1,
      message: `header must start with: ${catalogHeader(kind, ['ja']).join(',')}`,
    });
  if (!cells) return [];
  const schema = z.object(
    Object.fromEntries(columns.flatMap((c) => (c.localized ? [] : [[c.name, c.schema]]))),
  );
  const rows: Row<SheetRow>[] = [];
  for (const r of body) {
    if (r.fields.length !== cells.length) {
      issues.push({
        file,
        line: r.line,
        message: `expected ${cells.length} fields, found ${r.fields.length}`,
      });
      continue;
    }
    const value: SheetRow = { plain: {}, texts: {} };
    cells.forEach((cell, i) => {
      // The export puts an apostrophe before a text such as "-5%" so spreadsheets do not run it.
      const v = unescapeFormula(r.fields[i]!);
      if (cell.lang === null) value.plain[cell.column.name] = v;
      else (value.texts[cell.column.name] ??= {})[cell.lang] = v.trim();
    });
    if (seenIds && typeof value.plain.id === 'string') seenIds.add(value.plain.id.trim());
    let ok = true;
    const parsed = schema.safeParse(value.plain);
    if (!parsed.success) {
      ok = false;
      for (const i of parsed.error.issues)
        issues.push({ file, line: r.line, message: `${i.path.join('.')}: ${i.message}` });
    }
    for (const c of columns) {
      if (!c.localized) continue;
      const byLang = value.texts[c.name] ?? {};
      if (c.required && (c.list ? list(byLang.ja ?? '').length === 0 : !byLang.ja)) {
        ok = false;
        issues.push({ file, line: r.line, message: `${c.name}_ja: required` });
      }
      if (!c.list || c.variants) continue;
      const count = list(byLang.ja ?? '').length;
      for (const [lang, cell] of Object.entries(byLang)) {
        if (lang !== 'ja' && cell && list(cell).length !== count) {
          ok = false;
          issues.push({
            file,
            line: r.line,
            message: `${c.name}_${lang} must list the same number of items as ${c.name}_ja (${count})`,
          });
        }
      }
    }
    if (ok) rows.push({ line: r.line, value: { ...value, plain: parsed.data as Record<string, string> } });
  }
  return rows;
}

function duplicates<T>(
  rows: Row<T>[],
  key: (v: T) => string,
  file: string,
  what: string,
  issues: CatalogIssue[],
) {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = key(r.value);
    const first = seen.get(k);
    if (first !== undefined)
      issues.push({ file, line: r.line, message: `duplicate ${what} "${k}" (first on line ${first})` });
    else seen.set(k, r.line);
  }
}

export type CatalogSources = Record<CatalogFileKind, string>;

/**
 * Parses and cross-checks all eight files. `counterIds` are the hall's counters (from the layout), so a
 * department cannot point at a counter that does not exist. Throws CatalogError listing every problem.
 */
export function readCatalog(sources: CatalogSources, counterIds: ReadonlySet<string>): Catalog {
  const issues: CatalogIssue[] = [];
  const F = (k: CatalogFileKind) => CATALOG_FILES[k].file;
  const depIds = new Set<string>();
  const procIds = new Set<string>();
  const eventIds = new Set<string>();
  const deps = readRows('departments', sources.departments, issues, depIds);
  const procs = readRows('procedures', sources.procedures, issues, procIds);
  const events = readRows('lifeEvents', sources.lifeEvents, issues, eventIds);
  const questions = readRows('questions', sources.questions, issues);
  const rules = readRows('rules', sources.rules, issues);
  const faq = readRows('faq', sources.faq, issues);
  const shelterRows = readRows('shelters', sources.shelters, issues);
  const hotlineRows = readRows('hotlines', sources.hotlines, issues);
  const cell = (r: Row<SheetRow>, column: string) => r.value.plain[column] ?? '';

  duplicates(deps, (v) => v.plain.id!, F('departments'), 'id', issues);
  duplicates(procs, (v) => v.plain.id!, F('procedures'), 'id', issues);
  duplicates(events, (v) => v.plain.id!, F('lifeEvents'), 'id', issues);
  const questionKey = (v: SheetRow) => `${v.plain.life_event_id}/${v.plain.question_id}`;
  duplicates(questions, questionKey, F('questions'), 'question', issues);
  duplicates(questions, (v) => `${v.plain.life_event_id}#${v.plain.order}`, F('questions'), 'order', issues);
  duplicates(rules, (v) => `${v.plain.life_event_id}/${v.plain.procedure_id}`, F('rules'), 'rule', issues);
  duplicates(faq, (v) => v.plain.id!, F('faq'), 'id', issues);
  duplicates(shelterRows, (v) => v.plain.id!, F('shelters'), 'id', issues);
  duplicates(hotlineRows, (v) => v.plain.id!, F('hotlines'), 'id', issues);

  const questionIds = new Set(questions.map((q) => questionKey(q.value)));
  for (const d of deps) {
    const counter = cell(d, 'counter_id');
    if (counter && !counterIds.has(counter)) {
      issues.push({
        file: F('departments'),
        line: d.line,
        message: `counter_id "${counter}" is not a counter of the hall`,
      });
    }
  }
  for (const p of procs) {
    const department = cell(p, 'department_id');
    if (!depIds.has(department)) {
      issues.push({
        file: F('procedures'),
        line: p.line,
        message: `department_id "${department}" does not exist`,
      });
    }
    const channel = cell(p, 'channel');
    if (channel !== 'visit' && !cell(p, 'online_path')) {
      issues.push({
        file: F('procedures'),
        line: p.line,
        message: `online_path is required when channel is ${channel}`,
      });
    }
  }
  for (const q of questions) {
    const ev = cell(q, 'life_event_id');
    if (!eventIds.has(ev)) {
      issues.push({ file: F('questions'), line: q.line, message: `life_event_id "${ev}" does not exist` });
    }
  }
  for (const r of rules) {
    const ev = cell(r, 'life_event_id');
    const pr = cell(r, 'procedure_id');
    if (!eventIds.has(ev))
      issues.push({ file: F('rules'), line: r.line, message: `life_event_id "${ev}" does not exist` });
    if (!procIds.has(pr))
      issues.push({ file: F('rules'), line: r.line, message: `procedure_id "${pr}" does not exist` });
    for (const c of parseCondition(cell(r, 'condition'))) {
      if (!questionIds.has(`${ev}/${c.questionId}`)) {
        issues.push({
          file: F('rules'),
          line: r.line,
          message: `question "${c.questionId}" is not asked for life event "${ev}"`,
        });
      }
    }
  }
  const references: [column: string, known: ReadonlySet<string>, what: string][] = [
    ['procedures', procIds, 'procedure'],
    ['life_events', eventIds, 'life event'],
    ['counters', counterIds, 'counter of the hall'],
  ];
  for (const f of faq) {
    for (const [column, known, what] of references) {
      for (const id of words(cell(f, column))) {
        if (!known.has(id))
          issues.push({ file: F('faq'), line: f.line, message: `${column}: "${id}" is not a ${what}` });
      }
    }
  }
  if (issues.length > 0) throw new CatalogError(issues);

  const departments: Department[] = deps.map(({ value: d }) => ({
    id: d.plain.id!,
    name: textsOf(d, 'name'),
    counterId: d.plain.counter_id || null,
    description: textsOf(d, 'description'),
  }));
  const procedures: Procedure[] = procs.map(({ value: p }) => ({
    id: p.plain.id!,
    departmentId: p.plain.department_id!,
    name: textsOf(p, 'name'),
    summary: textsOf(p, 'summary'),
    audience: textsOf(p, 'audience'),
    documents: listsOf(p, 'documents'),
    feeYen: Number(p.plain.fee_yen),
    feeNote: textsOf(p, 'fee_note'),
    channel: p.plain.channel as Procedure['channel'],
    processing: textsOf(p, 'processing'),
    onlinePath: p.plain.online_path || null,
    needsConsultation: p.plain.needs_consultation === 'yes',
    keywords: words(p.plain.keywords ?? ''),
    disaster: p.plain.disaster === 'yes',
  }));
  const lifeEvents: LifeEvent[] = events.map(({ value: e }) => ({
    id: e.plain.id!,
    name: textsOf(e, 'name'),
    description: textsOf(e, 'description'),
    questions: questions
      .filter((q) => q.value.plain.life_event_id === e.plain.id)
      .map(({ value: q }) => ({
        id: q.plain.question_id!,
        order: Number(q.plain.order),
        text: textsOf(q, 'text'),
      }))
      .sort((a, b) => a.order - b.order),
  }));
  const ruleList: Rule[] = rules.map(({ value: r }) => ({
    lifeEventId: r.plain.life_event_id!,
    procedureId: r.plain.procedure_id!,
    conditions: parseCondition(r.plain.condition ?? ''),
    note: textsOf(r, 'note'),
  }));
  const faqEntries: FaqEntry[] = faq.map(({ value: f }) => ({
    id: f.plain.id!,
    questions: listsOf(f, 'questions'),
    answer: textsOf(f, 'answer'),
    procedureIds: words(f.plain.procedures ?? ''),
    lifeEventIds: words(f.plain.life_events ?? ''),
    counterIds: words(f.plain.counters ?? ''),
    keywords: words(f.plain.keywords ?? ''),
  }));
  const shelters: Shelter[] = shelterRows.map(({ value: r }) => ({
    id: r.plain.id!,
    name: textsOf(r, 'name'),
    address: textsOf(r, 'address'),
    mapUrl: r.plain.map_url || null,
  }));
  const hotlines: Hotline[] = hotlineRows.map(({ value: r }) => ({
    id: r.plain.id!,
    name: textsOf(r, 'name'),
    phone: r.plain.phone!.trim(),
    hours: textsOf(r, 'hours'),
  }));
  return { departments, procedures, lifeEvents, rules: ruleList, faq: faqEntries, shelters, hotlines };
}

function words(cell: string): string[] {
  return cell.split(/\s+/).filter((w) => w.length > 0);
}

export function parseCondition(condition: string): Condition[] {
  if (condition.trim() === '') return [];
  return condition
    .trim()
    .split('&')
    .map((part) => {
      const [questionId, answer] = part.split('=');
      return { questionId: questionId!, answer: answer === 'yes' };
    });
}
