export * from './join.ts';
export * from './move.ts';
export * from './errors.ts';
export * from './messageTypes.ts';
export * from './queue.ts';
export * from './consultation.ts';
export * from './records.ts';
export * from './bookings.ts';
