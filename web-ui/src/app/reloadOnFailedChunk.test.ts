import { afterEach, describe, expect, it, vi } from 'vitest';
import { reloadOnFailedChunk } from './reloadOnFailedChunk';

function failChunk(): Event {
  const event = new Event('vite:preloadError', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe('reloadOnFailedChunk', () => {
  let stop: () => void = () => undefined;
  afterEach(() => {
    stop();
    sessionStorage.clear();
  });

  it('reloads the page once when a chunk fails, and leaves a second failure soon after to the error boundary', () => {
    const reload = vi.fn();
    let clock = 1_000_000;
    stop = reloadOnFailedChunk(window, reload, () => clock);

    const first = failChunk();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(first.defaultPrevented).toBe(true);

    clock += 5_000;
    const again = failChunk();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(again.defaultPrevented).toBe(false);

    clock += 60_000;
    failChunk();
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
