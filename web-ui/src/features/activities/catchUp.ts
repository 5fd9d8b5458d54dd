import { createSlice, isFulfilled, type UnknownAction } from '@reduxjs/toolkit';
import { useEffect, useState } from 'react';
import { baseApi } from '../../api/baseApi';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import type { Page } from '../../api/page';

/** How often a timeline on screen looks for news while nobody on this page changed anything. */
export const QUIET_POLL_MS = 5000;
/** How often it looks right after the user's own change, until the change's entry is in (events take a moment). */
export const CATCH_UP_POLL_MS = 400;
/** How long it keeps looking that fast for an entry that does not come (e.g. one the kind filter hides). */
export const CATCH_UP_WINDOW_MS = 10_000;

/** When the user last changed something through the app: a note, a call, a payment, the customer itself… */
export interface OwnChangesState {
  lastAt: number | null;
}

const initialState: OwnChangesState = { lastAt: null };

function isOwnChange(action: UnknownAction): action is UnknownAction & { meta: { fulfilledTimeStamp: number } } {
  return isFulfilled(action) && action.type === `${baseApi.reducerPath}/executeMutation/fulfilled`;
}

export const ownChangesSlice = createSlice({
  name: 'ownChanges',
  initialState,
  reducers: {
    /** A change made outside RTK Query (an upload with progress events). */
    ownChangeMade(state) {
      state.lastAt = Date.now();
    },
  },
  extraReducers: (builder) =>
    builder.addMatcher(isOwnChange, (state, action) => {
      state.lastAt = action.meta.fulfilledTimeStamp;
    }),
});

export const { ownChangeMade } = ownChangesSlice.actions;

/** The newest entry when the last own change was made: the timeline has caught up once a newer one shows. */
interface Watch {
  changeAt: number | null;
  beyond: string | undefined;
  over: boolean;
}

/** What a timeline has in the cache: the pages of its infinite query, newest entry first. */
type CachedTimeline = { pages: Page<{ id: string }>[] } | undefined;

/**
 * The polling interval of a timeline whose cached pages `selectCached` reads: quiet, but fast for a few seconds after
 * the user's own change until a newer entry than the one shown then arrives, so people see what they just did on the
 * timeline at once instead of up to one quiet interval later.
 */
export function useTimelinePolling(selectCached: (state: RootState) => CachedTimeline): number {
  const newestEntryId = useAppSelector((state) => selectCached(state)?.pages[0]?.items[0]?.id);
  const lastChangeAt = useAppSelector((state) => state.ownChanges.lastAt);
  const [watch, setWatch] = useState<Watch>({ changeAt: lastChangeAt, beyond: newestEntryId, over: lastChangeAt === null });
  if (watch.changeAt !== lastChangeAt) setWatch({ changeAt: lastChangeAt, beyond: newestEntryId, over: false });

  useEffect(() => {
    if (lastChangeAt === null) return undefined;
    const left = Math.max(0, CATCH_UP_WINDOW_MS - (Date.now() - lastChangeAt));
    const timer = setTimeout(
      () => setWatch((current) => (current.changeAt === lastChangeAt ? { ...current, over: true } : current)),
      left,
    );
    return () => clearTimeout(timer);
  }, [lastChangeAt]);

  const caughtUp = watch.over || newestEntryId !== watch.beyond;
  return caughtUp ? QUIET_POLL_MS : CATCH_UP_POLL_MS;
}
