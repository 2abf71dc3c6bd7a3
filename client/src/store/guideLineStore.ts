import { create } from 'zustand';

/** Which counter area's floor line "take me there" is following now (null when none). */
export const useGuideLineStore = create<{ followedAreaId: string | null }>(() => ({ followedAreaId: null }));
