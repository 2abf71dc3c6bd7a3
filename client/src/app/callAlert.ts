import { useQueueStore } from '../store/queueStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { translate } from '../i18n/translate.ts';

/**
 * Makes a call impossible to miss: a chime (generated, no audio file), the page title blinking, a
 * system notification when the resident allowed them and the tab is hidden, and the live region.
 * The visible notice itself is the CallNotice dialog.
 */
export function startCallAlerts(): () => void {
  let titleTimer: ReturnType<typeof setInterval> | null = null;
  let baseTitle = document.title;
  let lastCalled: number | null = null;

  const stopTitle = () => {
    if (titleTimer) clearInterval(titleTimer);
    titleTimer = null;
    document.title = baseTitle;
  };

  const unsubscribe = useQueueStore.subscribe((s, prev) => {
    const t = s.ticket;
    const called = t?.status === 'called' ? t.id : null;
    if (called !== null && called !== lastCalled) {
      lastCalled = called;
      const lang = useAppStore.getState().lang;
      const text = translate(lang, 'call.title', { number: t!.number });
      useHallStore.getState().announce('call.title', { number: t!.number });
      chime();
      baseTitle = document.title;
      let on = false;
      titleTimer ??= setInterval(() => {
        on = !on;
        document.title = on ? `🔔 ${text}` : baseTitle;
      }, 1000);
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
        new Notification(text, { body: translate(lang, 'call.body'), tag: 'city-hall-call' });
      }
    }
    if (called === null && prev.ticket?.status === 'called') stopTitle();
    if (called === null) lastCalled = null;
  });
  return () => {
    unsubscribe();
    stopTitle();
  };
}

/** Three generated notes (no audio file): a call, or a warning announced to the hall. */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    const notes = [880, 660, 880];
    notes.forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      const start = ctx.currentTime + i * 0.35;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.32);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio (autoplay policy, no device): the visual notice and live region still show the call.
  }
}

export async function askForNotifications(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission === 'default' ? Notification.requestPermission() : Notification.permission;
}
