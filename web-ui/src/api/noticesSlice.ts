import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** App-wide notices raised by the network layer: rate limiting and unavailable parts. */
export interface NoticesState {
  /** The wait before the automatic retry after a 429 (id distinguishes successive waits); null when none. */
  rateLimit: { id: number; seconds: number } | null;
  /** Unavailable parts (the 503 problem's `service`) keyed by the API area that failed. */
  unavailable: Record<string, string>;
}

const initialState: NoticesState = { rateLimit: null, unavailable: {} };

export const noticesSlice = createSlice({
  name: 'notices',
  initialState,
  reducers: {
    rateLimited(state, action: PayloadAction<{ seconds: number }>) {
      state.rateLimit = { id: (state.rateLimit?.id ?? 0) + 1, seconds: action.payload.seconds };
    },
    rateLimitOver(state) {
      state.rateLimit = null;
    },
    serviceUnavailable(state, action: PayloadAction<{ area: string; service: string }>) {
      state.unavailable[action.payload.area] = action.payload.service;
    },
    serviceAvailable(state, action: PayloadAction<{ area: string }>) {
      delete state.unavailable[action.payload.area];
    },
    dismissUnavailable(state, action: PayloadAction<{ area: string }>) {
      delete state.unavailable[action.payload.area];
    },
  },
});

export const { rateLimited, rateLimitOver, serviceUnavailable, serviceAvailable, dismissUnavailable } =
  noticesSlice.actions;
