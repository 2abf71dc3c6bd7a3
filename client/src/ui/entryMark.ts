/** Performance mark set when the entry form can first be used (bench:entry measures up to it). */
export const ENTRY_USABLE_MARK = 'city-hall:entry-usable';
