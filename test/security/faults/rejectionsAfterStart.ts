/**
 * Loaded into a server process by the fault test: once the server has set up its handler, a few
 * promise rejections that nobody handles, as a forgotten `.catch` in a handler would leave them. It
 * waits for the handler, not for a fixed time: a slow start on a busy machine is not the fault tested.
 */
const waiting = setInterval(() => {
  if (process.listenerCount('unhandledRejection') === 0) return;
  clearInterval(waiting);
  for (let i = 0; i < 3; i++) void Promise.reject(new Error(`injected fault ${i}`));
}, 100);
