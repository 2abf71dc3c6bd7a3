import type { ConsultationRecordView, RecordUpdate } from '../../../shared/protocol/index.ts';

/** Consultation records over HTTP with the staff session cookie (sent by the browser, never read here). */
export const recordsApi = {
  async mine(): Promise<ConsultationRecordView[]> {
    const res = await fetch('/api/records');
    return res.ok ? ((await res.json()) as ConsultationRecordView[]) : [];
  },
  async read(ticketId: number): Promise<ConsultationRecordView | null> {
    const res = await fetch(`/api/records/${ticketId}`);
    return res.ok ? ((await res.json()) as ConsultationRecordView) : null;
  },
  async save(ticketId: number, update: RecordUpdate): Promise<boolean> {
    const res = await fetch(`/api/records/${ticketId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(update),
    }).catch(() => null);
    return res?.ok ?? false;
  },
};
