// Modules made at build time by plugins in vite.config.ts.
declare module 'virtual:ui-readings' {
  import type { Readings } from '../../shared/i18n/ruby.ts';
  const readings: Readings;
  export default readings;
}
