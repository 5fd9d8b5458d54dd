const RELOADED_AT_KEY = 'crm:chunk-reload-at';

/** A second failure within this long after a reload is shown (the error boundary's Reload), not reloaded again. */
const LOOP_GUARD_MS = 30_000;

/**
 * A page's code that failed to load (a network blip, or a deployment that replaced the hashed chunks) cannot be
 * imported again: the browser keeps the failed module for the page's life (whatwg/html#6768). So the page reloads
 * itself once, which fetches the current index and chunks; a failure again soon after is left to the error boundary.
 */
export function reloadOnFailedChunk(
  target: Window = window,
  reload: () => void = () => window.location.reload(),
  now: () => number = Date.now,
): () => void {
  const onPreloadError = (event: Event) => {
    const last = Number(target.sessionStorage.getItem(RELOADED_AT_KEY) ?? 0);
    if (now() - last < LOOP_GUARD_MS) return;
    target.sessionStorage.setItem(RELOADED_AT_KEY, String(now()));
    event.preventDefault(); // Vite throws the error only when the event is not prevented
    reload();
  };
  target.addEventListener('vite:preloadError', onPreloadError);
  return () => target.removeEventListener('vite:preloadError', onPreloadError);
}
