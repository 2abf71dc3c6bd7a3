import type { Catalog, Department, OptionalText, Procedure } from './catalogSchema.ts';

export interface ChecklistItem {
  procedure: Procedure;
  note: OptionalText;
}

export interface ChecklistGroup {
  department: Department;
  items: ChecklistItem[];
}

export interface Checklist {
  lifeEventId: string;
  answers: Record<string, boolean>;
  groups: ChecklistGroup[];
}

export type ChecklistProblem =
  | { kind: 'unknownLifeEvent'; lifeEventId: string }
  | { kind: 'missingAnswer'; questionId: string }
  | { kind: 'unknownQuestion'; questionId: string };

/** Procedures that can be finished without coming in are listed first within each counter. */
const onlineFirst = (p: Procedure) => (p.channel === 'visit' ? 1 : 0);

/**
 * One checklist for a life event and the resident's yes/no answers: every procedure whose rule holds,
 * grouped by department in catalogue order, online items first. Pure: same input, same list.
 */
export function buildChecklist(
  catalog: Catalog,
  lifeEventId: string,
  answers: Record<string, boolean>,
): { ok: true; checklist: Checklist } | { ok: false; problem: ChecklistProblem } {
  const event = catalog.lifeEvents.find((e) => e.id === lifeEventId);
  if (!event) return { ok: false, problem: { kind: 'unknownLifeEvent', lifeEventId } };
  const asked = new Set(event.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!asked.has(id)) return { ok: false, problem: { kind: 'unknownQuestion', questionId: id } };
  }
  for (const q of event.questions) {
    if (!(q.id in answers)) return { ok: false, problem: { kind: 'missingAnswer', questionId: q.id } };
  }
  const procedures = new Map(catalog.procedures.map((p) => [p.id, p]));
  const chosen = catalog.rules
    .filter(
      (r) => r.lifeEventId === lifeEventId && r.conditions.every((c) => answers[c.questionId] === c.answer),
    )
    .flatMap((r) => {
      const procedure = procedures.get(r.procedureId);
      return procedure ? [{ procedure, note: r.note }] : [];
    });
  const groups: ChecklistGroup[] = [];
  for (const department of catalog.departments) {
    const items = chosen
      .filter((i) => i.procedure.departmentId === department.id)
      .sort((a, b) => onlineFirst(a.procedure) - onlineFirst(b.procedure));
    if (items.length > 0) groups.push({ department, items });
  }
  return { ok: true, checklist: { lifeEventId, answers: { ...answers }, groups } };
}
