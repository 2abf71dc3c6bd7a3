/**
 * Where the game server is. Built clients are served by it (same origin); the Vite dev server runs on
 * its own port, so in development the client talks to the server's port directly.
 */
export function serverEndpoint(): string {
  const configured = import.meta.env.VITE_SERVER_URL as string | undefined;
  if (configured) return configured;
  // Only the Vite dev server has HMR; a built client (any mode) is served by the game server itself.
  if (import.meta.hot) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
}
