/**
 * Loaded into a server process by the fault test: once the server answers, a few promise rejections
 * that nobody handles, as a forgotten `.catch` in a handler would leave them.
 */
setTimeout(() => {
  for (let i = 0; i < 3; i++) void Promise.reject(new Error(`injected fault ${i}`));
}, 1500);
