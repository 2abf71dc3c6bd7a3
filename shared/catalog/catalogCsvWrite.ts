import { writeCsv } from './csv.ts';
import type { Catalog, Condition } from './catalogSchema.ts';
import { CATALOG_FILES, type CatalogSources } from './catalogCsv.ts';

const formatCondition = (cs: Condition[]) =>
  cs.map((c) => `${c.questionId}=${c.answer ? 'yes' : 'no'}`).join('&');

/** Writes the catalogue back as the same five files (round-trips with readCatalog). */
export function writeCatalog(c: Catalog): CatalogSources {
  return {
    departments: writeCsv(
      CATALOG_FILES.departments.header,
      c.departments.map((d) => [
        d.id,
        d.name.ja,
        d.name.en,
        d.counterId ?? '',
        d.description.ja,
        d.description.en,
      ]),
    ),
    procedures: writeCsv(
      CATALOG_FILES.procedures.header,
      c.procedures.map((p) => [
        p.id,
        p.departmentId,
        p.name.ja,
        p.name.en,
        p.summary.ja,
        p.summary.en,
        p.audience.ja,
        p.audience.en,
        p.documents.ja.join(' ; '),
        p.documents.en.join(' ; '),
        String(p.feeYen),
        p.feeNote.ja,
        p.feeNote.en,
        p.channel,
        p.processing.ja,
        p.processing.en,
        p.onlinePath ?? '',
        p.needsConsultation ? 'yes' : 'no',
        p.keywords.join(' '),
      ]),
    ),
    lifeEvents: writeCsv(
      CATALOG_FILES.lifeEvents.header,
      c.lifeEvents.map((e) => [e.id, e.name.ja, e.name.en, e.description.ja, e.description.en]),
    ),
    questions: writeCsv(
      CATALOG_FILES.questions.header,
      c.lifeEvents.flatMap((e) =>
        e.questions.map((q) => [e.id, q.id, String(q.order), q.text.ja, q.text.en]),
      ),
    ),
    rules: writeCsv(
      CATALOG_FILES.rules.header,
      c.rules.map((r) => [r.lifeEventId, r.procedureId, formatCondition(r.conditions), r.note.ja, r.note.en]),
    ),
  };
}
