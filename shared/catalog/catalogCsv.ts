import type { z } from 'zod';
import { parseCsv, CsvSyntaxError } from './csv.ts';
import { DepartmentRow, LifeEventRow, list, ProcedureRow, QuestionRow, RuleRow } from './catalogRows.ts';
import {
  type Catalog,
  type Condition,
  type Department,
  type LifeEvent,
  type Procedure,
  type Rule,
} from './catalogSchema.ts';

/**
 * The catalogue as five spreadsheets a city clerk can edit. Reading reports every bad row with its
 * file, line and reason; nothing partial comes out of a file with errors.
 */
export const CATALOG_FILES = {
  departments: {
    file: 'departments.csv',
    header: ['id', 'name_ja', 'name_en', 'counter_id', 'description_ja', 'description_en'],
  },
  procedures: {
    file: 'procedures.csv',
    header: [
      'id',
      'department_id',
      'name_ja',
      'name_en',
      'summary_ja',
      'summary_en',
      'audience_ja',
      'audience_en',
      'documents_ja',
      'documents_en',
      'fee_yen',
      'fee_note_ja',
      'fee_note_en',
      'channel',
      'processing_ja',
      'processing_en',
      'online_path',
      'needs_consultation',
      'keywords',
    ],
  },
  lifeEvents: {
    file: 'life_events.csv',
    header: ['id', 'name_ja', 'name_en', 'description_ja', 'description_en'],
  },
  questions: {
    file: 'life_event_questions.csv',
    header: ['life_event_id', 'question_id', 'order', 'text_ja', 'text_en'],
  },
  rules: {
    file: 'life_event_rules.csv',
    header: ['life_event_id', 'procedure_id', 'condition', 'note_ja', 'note_en'],
  },
} as const;
export type CatalogFileKind = keyof typeof CATALOG_FILES;

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

function readRows<S extends z.ZodType>(
  kind: CatalogFileKind,
  source: string,
  schema: S,
  issues: CatalogIssue[],
  /** Ids of every row, valid or not, so one bad row is reported once rather than again by each reference. */
  seenIds?: Set<string>,
): Row<z.infer<S>>[] {
  const { file, header } = CATALOG_FILES[kind];
  let records;
  try {
    records = parseCsv(source);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      issues.push({ file, line: e.line, message: e.message.replace(/^line \d+: /, '') });
      return [];
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head || head.fields.join(',') !== header.join(',')) {
    issues.push({ file, line: 1, message: `header must be: ${header.join(',')}` });
    return [];
  }
  const rows: Row<z.infer<S>>[] = [];
  for (const r of body) {
    if (r.fields.length !== header.length) {
      issues.push({
        file,
        line: r.line,
        message: `expected ${header.length} fields, found ${r.fields.length}`,
      });
      continue;
    }
    const obj = Object.fromEntries(header.map((h, i) => [h, r.fields[i]!]));
    if (seenIds && typeof obj.id === 'string') seenIds.add(obj.id.trim());
    const parsed = schema.safeParse(obj);
    if (parsed.success) rows.push({ line: r.line, value: parsed.data });
    else
      for (const i of parsed.error.issues)
        issues.push({ file, line: r.line, message: `${i.path.join('.')}: ${i.message}` });
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
 * Parses and cross-checks all five files. `counterIds` are the hall's counters (from the layout), so a
 * department cannot point at a counter that does not exist. Throws CatalogError listing every problem.
 */
export function readCatalog(sources: CatalogSources, counterIds: ReadonlySet<string>): Catalog {
  const issues: CatalogIssue[] = [];
  const F = (k: CatalogFileKind) => CATALOG_FILES[k].file;
  const depIds = new Set<string>();
  const procIds = new Set<string>();
  const eventIds = new Set<string>();
  const deps = readRows('departments', sources.departments, DepartmentRow, issues, depIds);
  const procs = readRows('procedures', sources.procedures, ProcedureRow, issues, procIds);
  const events = readRows('lifeEvents', sources.lifeEvents, LifeEventRow, issues, eventIds);
  const questions = readRows('questions', sources.questions, QuestionRow, issues);
  const rules = readRows('rules', sources.rules, RuleRow, issues);

  duplicates(deps, (v) => v.id, F('departments'), 'id', issues);
  duplicates(procs, (v) => v.id, F('procedures'), 'id', issues);
  duplicates(events, (v) => v.id, F('lifeEvents'), 'id', issues);
  duplicates(questions, (v) => `${v.life_event_id}/${v.question_id}`, F('questions'), 'question', issues);
  duplicates(questions, (v) => `${v.life_event_id}#${v.order}`, F('questions'), 'order', issues);
  duplicates(rules, (v) => `${v.life_event_id}/${v.procedure_id}`, F('rules'), 'rule', issues);

  const questionIds = new Set(questions.map((q) => `${q.value.life_event_id}/${q.value.question_id}`));
  for (const d of deps) {
    if (d.value.counter_id && !counterIds.has(d.value.counter_id)) {
      issues.push({
        file: F('departments'),
        line: d.line,
        message: `counter_id "${d.value.counter_id}" is not a counter of the hall`,
      });
    }
  }
  for (const p of procs) {
    if (!depIds.has(p.value.department_id)) {
      issues.push({
        file: F('procedures'),
        line: p.line,
        message: `department_id "${p.value.department_id}" does not exist`,
      });
    }
    const online = p.value.channel !== 'visit';
    if (online && !p.value.online_path) {
      issues.push({
        file: F('procedures'),
        line: p.line,
        message: `online_path is required when channel is ${p.value.channel}`,
      });
    }
    if (list(p.value.documents_ja).length !== list(p.value.documents_en).length) {
      issues.push({
        file: F('procedures'),
        line: p.line,
        message: 'documents_ja and documents_en must list the same number of items',
      });
    }
  }
  for (const q of questions) {
    if (!eventIds.has(q.value.life_event_id)) {
      issues.push({
        file: F('questions'),
        line: q.line,
        message: `life_event_id "${q.value.life_event_id}" does not exist`,
      });
    }
  }
  for (const r of rules) {
    const { life_event_id: ev, procedure_id: pr } = r.value;
    if (!eventIds.has(ev))
      issues.push({ file: F('rules'), line: r.line, message: `life_event_id "${ev}" does not exist` });
    if (!procIds.has(pr))
      issues.push({ file: F('rules'), line: r.line, message: `procedure_id "${pr}" does not exist` });
    for (const c of parseCondition(r.value.condition)) {
      if (!questionIds.has(`${ev}/${c.questionId}`)) {
        issues.push({
          file: F('rules'),
          line: r.line,
          message: `question "${c.questionId}" is not asked for life event "${ev}"`,
        });
      }
    }
  }
  if (issues.length > 0) throw new CatalogError(issues);

  const departments: Department[] = deps.map(({ value: d }) => ({
    id: d.id,
    name: { ja: d.name_ja, en: d.name_en },
    counterId: d.counter_id || null,
    description: { ja: d.description_ja, en: d.description_en },
  }));
  const procedures: Procedure[] = procs.map(({ value: p }) => ({
    id: p.id,
    departmentId: p.department_id,
    name: { ja: p.name_ja, en: p.name_en },
    summary: { ja: p.summary_ja, en: p.summary_en },
    audience: { ja: p.audience_ja, en: p.audience_en },
    documents: { ja: list(p.documents_ja), en: list(p.documents_en) },
    feeYen: Number(p.fee_yen),
    feeNote: { ja: p.fee_note_ja, en: p.fee_note_en },
    channel: p.channel,
    processing: { ja: p.processing_ja, en: p.processing_en },
    onlinePath: p.online_path || null,
    needsConsultation: p.needs_consultation === 'yes',
    keywords: p.keywords.split(/\s+/).filter((k) => k.length > 0),
  }));
  const lifeEvents: LifeEvent[] = events.map(({ value: e }) => ({
    id: e.id,
    name: { ja: e.name_ja, en: e.name_en },
    description: { ja: e.description_ja, en: e.description_en },
    questions: questions
      .filter((q) => q.value.life_event_id === e.id)
      .map(({ value: q }) => ({
        id: q.question_id,
        order: Number(q.order),
        text: { ja: q.text_ja, en: q.text_en },
      }))
      .sort((a, b) => a.order - b.order),
  }));
  const ruleList: Rule[] = rules.map(({ value: r }) => ({
    lifeEventId: r.life_event_id,
    procedureId: r.procedure_id,
    conditions: parseCondition(r.condition),
    note: { ja: r.note_ja, en: r.note_en },
  }));
  return { departments, procedures, lifeEvents, rules: ruleList };
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
