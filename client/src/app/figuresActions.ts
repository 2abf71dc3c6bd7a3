import { figuresApi, type DayRange } from '../net/figuresApi.ts';

export type { DayRange };

/** What the figures dashboard and the open data links may ask the server for. */
export const figuresActions = { ...figuresApi };
