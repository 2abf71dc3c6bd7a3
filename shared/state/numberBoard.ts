/** How many called numbers a counter's board shows. */
export const BOARD_NUMBERS = 3;

/** CounterState.calling as it travels: the board's numbers, the latest first, comma-separated. */
export const callingText = (numbers: readonly number[]): string => numbers.join(',');

/** The board's numbers from CounterState.calling, the latest first; anything else in the text is dropped. */
export function callingNumbers(text: string): number[] {
  return text
    .split(',')
    .filter((part) => /^\d{1,6}$/.test(part))
    .map(Number)
    .slice(0, BOARD_NUMBERS);
}
