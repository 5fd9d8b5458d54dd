/** Cookie-to-header CSRF: the gateway sets XSRF-TOKEN, state-changing requests echo it. */
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : undefined;
}

export function isStateChanging(method: string | undefined): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes((method ?? 'GET').toUpperCase());
}
