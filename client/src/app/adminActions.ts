import { adminApi } from '../net/adminApi.ts';
import { staffApi } from '../net/staffApi.ts';
import { fetchHallLayout } from '../net/hallLayoutApi.ts';

/** What the admin console may ask of the server (the session cookie says who asks). */
export const adminActions = { ...adminApi, whoIsSignedIn: staffApi.me, planInUse: fetchHallLayout };
