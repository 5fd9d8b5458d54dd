import { csrfToken } from '../../api/csrf';

/**
 * Signs out with a real form POST to /logout (CSRF token as the `_csrf` field), so the browser follows the
 * gateway's redirect to Keycloak's end-session page, which ends the Keycloak session too and comes back to `/`.
 */
export function signOut(): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/logout';
  const token = csrfToken();
  if (token) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = '_csrf';
    field.value = token;
    form.appendChild(field);
  }
  document.body.appendChild(form);
  form.submit();
}
