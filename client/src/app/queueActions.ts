import { useAppStore } from '../store/appStore.ts';
import type { CounterStatus } from '../../../shared/protocol/index.ts';
import type { HandoverLine } from '../../../shared/protocol/queue.ts';
import { sendToHall } from '../net/hallConnection.ts';
import { leaveConsultation, sendChat } from '../net/consultationConnection.ts';
import { staffApi } from '../net/staffApi.ts';
import { useQueueStore } from '../store/queueStore.ts';

/** Queue and counter actions the UI may ask for; the server decides whether they happen. */
export const queueActions = {
  takeTicket: (counterId: string, procedureId?: string, handover?: HandoverLine[]) => {
    const { lang } = useAppStore.getState();
    sendToHall('takeTicket', {
      counterId,
      lang,
      ...(procedureId ? { procedureId } : {}),
      ...(handover?.length ? { handover } : {}),
    });
  },
  leaveQueue: () => sendToHall('leaveQueue', {}),
  answerCall: () => sendToHall('answerCall', {}),
  takeCounter: (counterId: string) => sendToHall('takeCounter', { counterId }),
  leaveCounter: () => sendToHall('leaveCounter', {}),
  setStatus: (status: CounterStatus) => sendToHall('setCounterStatus', { status }),
  callNext: () => sendToHall('callNext', {}),
  markDone: (ticketId: number) => sendToHall('markDone', { ticketId }),
  markNoShow: (ticketId: number) => sendToHall('markNoShow', { ticketId }),
  transfer: (ticketId: number, toCounterId: string, note: string) =>
    sendToHall('transfer', { ticketId, toCounterId, note }),
  chat: (text: string) => sendChat(text),
  /** Closes our side of an ended consultation and returns to the hall view. */
  backToHall: () => void leaveConsultation(),
  async signOut(): Promise<void> {
    await staffApi.signOut();
    useQueueStore.getState().setStaff(null);
  },
};
