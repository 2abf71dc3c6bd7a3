import { hallConnected, sendToHall } from '../net/hallConnection.ts';

/** Waves to the people near by. The server relays it to those who see us, ourselves included. */
export function wave(): void {
  if (hallConnected()) sendToHall('wave', {});
}
