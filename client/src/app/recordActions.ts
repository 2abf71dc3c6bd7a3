import type { ConsultationRecordView, RecordUpdate } from '../../../shared/protocol/index.ts';
import { recordsApi } from '../net/recordsApi.ts';
import { rateConsultation } from '../net/consultationConnection.ts';

export const recordActions = {
  mine: (): Promise<ConsultationRecordView[]> => recordsApi.mine(),
  read: (ticketId: number) => recordsApi.read(ticketId),
  save: (ticketId: number, update: RecordUpdate) => recordsApi.save(ticketId, update),
  rate: (rating: number, comment: string) => rateConsultation(rating, comment),
};
