import { CounterStatus } from '../../../../shared/protocol/index.ts';

export const COUNTER_STATUSES = CounterStatus.options;
