import { callUpApi } from '../net/callUpApi.ts';

/** Staff call-up: staff read and answer theirs; admins send, follow the tally and close. */
export const callUpActions = callUpApi;
