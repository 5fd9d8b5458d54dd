const RETURN_TO_KEY = 'crm.returnTo';
export const LOGIN_PATH = '/oauth2/authorization/keycloak';

/**
 * Full-page navigation to the gateway's login; the gateway runs the Keycloak flow. The current page is
 * remembered here too, because an API call (unlike a page load) is not what the gateway saves.
 */
export function signInAgain(): void {
  const here = window.location.pathname + window.location.search;
  if (here !== '/') sessionStorage.setItem(RETURN_TO_KEY, here);
  window.location.assign(LOGIN_PATH);
}

/** The page to go back to after signing in, once. */
export function takeReturnTo(): string | undefined {
  const path = sessionStorage.getItem(RETURN_TO_KEY);
  sessionStorage.removeItem(RETURN_TO_KEY);
  return path?.startsWith('/') && !path.startsWith('//') ? path : undefined;
}
