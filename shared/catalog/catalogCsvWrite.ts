import { LANGUAGES } from '../i18n/languages.ts';
import { toCsv } from '../csv/writeCsv.ts';
import type { Catalog, Condition } from './catalogSchema.ts';
import { CATALOG_FILES, catalogHeader, type CatalogFileKind, type CatalogSources } from './catalogCsv.ts';

const formatCondition = (cs: Condition[]) =>
  cs.map((c) => `${c.questionId}=${c.answer ? 'yes' : 'no'}`).join('&');

type Cells = Record<string, string | Record<string, string | string[] | undefined>>;

/** One row in the sheet's column order: plain cells as they are, localized ones per language. */
function row(kind: CatalogFileKind, cells: Cells): string[] {
  return CATALOG_FILES[kind].columns.flatMap((c) => {
    const v = cells[c.name];
    if (!c.localized) return [typeof v === 'string' ? v : ''];
    return LANGUAGES.map((l) => {
      const t = typeof v === 'object' ? v[l] : undefined;
      return Array.isArray(t) ? t.join(' ; ') : (t ?? '');
    });
  });
}

/** Writes the catalogue back as the same eight files, every language (round-trips with readCatalog). */
export function writeCatalog(c: Catalog): CatalogSources {
  const sheet = (kind: CatalogFileKind, rows: Cells[]) =>
    toCsv([catalogHeader(kind), ...rows.map((r) => row(kind, r))]);
  return {
    departments: sheet(
      'departments',
      c.departments.map((d) => ({
        id: d.id,
        name: d.name,
        counter_id: d.counterId ?? '',
        description: d.description,
      })),
    ),
    procedures: sheet(
      'procedures',
      c.procedures.map((p) => ({
        id: p.id,
        department_id: p.departmentId,
        name: p.name,
        summary: p.summary,
        audience: p.audience,
        documents: p.documents,
        fee_yen: String(p.feeYen),
        fee_note: p.feeNote,
        channel: p.channel,
        processing: p.processing,
        online_path: p.onlinePath ?? '',
        needs_consultation: p.needsConsultation ? 'yes' : 'no',
        keywords: p.keywords.join(' '),
        disaster: p.disaster ? 'yes' : '',
      })),
    ),
    lifeEvents: sheet(
      'lifeEvents',
      c.lifeEvents.map((e) => ({ id: e.id, name: e.name, description: e.description })),
    ),
    questions: sheet(
      'questions',
      c.lifeEvents.flatMap((e) =>
        e.questions.map((q) => ({
          life_event_id: e.id,
          question_id: q.id,
          order: String(q.order),
          text: q.text,
        })),
      ),
    ),
    rules: sheet(
      'rules',
      c.rules.map((r) => ({
        life_event_id: r.lifeEventId,
        procedure_id: r.procedureId,
        condition: formatCondition(r.conditions),
        note: r.note,
      })),
    ),
    faq: sheet(
      'faq',
      c.faq.map((f) => ({
        id: f.id,
        questions: f.questions,
        answer: f.answer,
        procedures: f.procedureIds.join(' '),
        life_events: f.lifeEventIds.join(' '),
        counters: f.counterIds.join(' '),
        keywords: f.keywords.join(' '),
      })),
    ),
    shelters: sheet(
      'shelters',
      c.shelters.map((x) => ({ id: x.id, name: x.name, address: x.address, map_url: x.mapUrl ?? '' })),
    ),
    hotlines: sheet(
      'hotlines',
      c.hotlines.map((x) => ({ id: x.id, name: x.name, phone: x.phone, hours: x.hours })),
    ),
  };
}
