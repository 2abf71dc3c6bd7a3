import { matchMaker } from '@colyseus/core';
import { HALL_ROOM } from '../../../../shared/constants.ts';

/** People connected to the hall rooms of every process now (residents and staff), as /api/health counts. */
export async function livePopulation(): Promise<number> {
  const rooms = await matchMaker.query({ name: HALL_ROOM });
  return rooms.reduce((sum, r) => sum + r.clients, 0);
}
