import { ClientMessage, type CounterStatus } from '../../../shared/protocol/index.ts';
import { sendToHall } from '../net/hallConnection.ts';
import { leaveConsultation, sendChat } from '../net/consultationConnection.ts';
import { staffApi } from '../net/staffApi.ts';
import { useQueueStore } from '../store/queueStore.ts';

/** Queue and counter actions the UI may ask for; the server decides whether they happen. */
export const queueActions = {
  takeTicket: (counterId: string, procedureId?: string) =>
    sendToHall(ClientMessage.takeTicket, procedureId ? { counterId, procedureId } : { counterId }),
  leaveQueue: () => sendToHall(ClientMessage.leaveQueue),
  answerCall: () => sendToHall(ClientMessage.answerCall),
  takeCounter: (counterId: string) => sendToHall(ClientMessage.takeCounter, { counterId }),
  leaveCounter: () => sendToHall(ClientMessage.leaveCounter),
  setStatus: (status: CounterStatus) => sendToHall(ClientMessage.setCounterStatus, { status }),
  callNext: () => sendToHall(ClientMessage.callNext),
  markDone: (ticketId: number) => sendToHall(ClientMessage.markDone, { ticketId }),
  markNoShow: (ticketId: number) => sendToHall(ClientMessage.markNoShow, { ticketId }),
  transfer: (ticketId: number, toCounterId: string, note: string) =>
    sendToHall(ClientMessage.transfer, { ticketId, toCounterId, note }),
  chat: (text: string) => sendChat(text),
  /** Closes our side of an ended consultation and returns to the hall view. */
  backToHall: () => void leaveConsultation(),
  async signOut(): Promise<void> {
    await staffApi.signOut();
    useQueueStore.getState().setStaff(null);
  },
};
