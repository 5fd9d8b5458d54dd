import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../app/AppRoutes';
import { Providers } from '../app/Providers';
import { makeStore } from '../app/store';

/** The whole app (shell, routes, store) at a path, with the network mocked by MSW. */
export function renderApp(path: string) {
  const store = makeStore();
  const user = userEvent.setup();
  const view = render(
    <Providers store={store}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  );
  return { ...view, store, user };
}
