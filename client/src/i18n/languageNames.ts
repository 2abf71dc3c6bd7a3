import type { Language } from '../../../shared/constants.ts';

/** Language names are always written in their own language, so anyone can find theirs. */
export const NATIVE_NAMES: Record<Language, string> = { ja: '日本語', en: 'English' };
