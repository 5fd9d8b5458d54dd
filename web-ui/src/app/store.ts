import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { setupListeners } from '@reduxjs/toolkit/query';
import { baseApi } from '../api/baseApi';
import { noticesSlice } from '../api/noticesSlice';
import { ownChangesSlice } from '../features/activities/catchUp';

const rootReducer = combineReducers({
  [baseApi.reducerPath]: baseApi.reducer,
  [noticesSlice.name]: noticesSlice.reducer,
  [ownChangesSlice.name]: ownChangesSlice.reducer,
});

export function makeStore() {
  const store = configureStore({
    reducer: rootReducer,
    middleware: (getDefault) => getDefault().concat(baseApi.middleware),
  });
  setupListeners(store.dispatch);
  return store;
}

export type AppStore = ReturnType<typeof makeStore>;
export type RootState = ReturnType<typeof rootReducer>;
export type AppDispatch = AppStore['dispatch'];
