import type { Widget } from './types';

export const COLUMNS = 12;
export const MAX_WIDGETS = 24;
export const MAX_HEIGHT = 12;
export const MIN_WIDTH = 2;
export const MIN_HEIGHT = 2;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(Math.round(value), min), max);

/** Reading order: top to bottom, left to right (the order a phone shows them in one column). */
export function inReadingOrder(widgets: readonly Widget[]): Widget[] {
  return [...widgets].sort((a, b) => a.y - b.y || a.x - b.x);
}

/**
 * Places widgets in the given order on the 12-column grid, each at the first free place after the one before it, so
 * that the order is the reading order and nothing overlaps. Widths and heights are clamped to the grid.
 */
export function pack(ordered: readonly Widget[]): Widget[] {
  const taken: boolean[][] = [];
  const free = (x: number, y: number, w: number, h: number) => {
    for (let row = y; row < y + h; row++) {
      for (let col = x; col < x + w; col++) if (taken[row]?.[col]) return false;
    }
    return true;
  };
  let cursor = { x: 0, y: 0 };
  return ordered.map((widget) => {
    const w = clamp(widget.w, MIN_WIDTH, COLUMNS);
    const h = clamp(widget.h, MIN_HEIGHT, MAX_HEIGHT);
    let { x, y } = cursor;
    while (x + w > COLUMNS || !free(x, y, w, h)) {
      x += 1;
      if (x + w > COLUMNS) {
        x = 0;
        y += 1;
      }
    }
    for (let row = y; row < y + h; row++) {
      taken[row] ??= [];
      for (let col = x; col < x + w; col++) taken[row]![col] = true;
    }
    cursor = { x: x + w, y };
    return { ...widget, x, y, w, h };
  });
}

/**
 * The layout without the widgets a user may not see (a role's default may hold one), the others closed up rather than
 * leaving its place empty; as it is when none is hidden.
 */
export function withoutHidden(widgets: readonly Widget[], hidden: (widget: Widget) => boolean): Widget[] {
  const shown = widgets.filter((widget) => !hidden(widget));
  return shown.length < widgets.length ? pack(inReadingOrder(shown)) : [...widgets];
}

/** The layout with one widget moved to another place in the reading order. */
export function moveTo(widgets: readonly Widget[], id: string, index: number): Widget[] {
  const ordered = inReadingOrder(widgets);
  const from = ordered.findIndex((widget) => widget.id === id);
  if (from < 0) return pack(ordered);
  const [moved] = ordered.splice(from, 1);
  ordered.splice(clamp(index, 0, ordered.length), 0, moved!);
  return pack(ordered);
}

/** The layout with one widget moved by `step` places in the reading order (-1 earlier, +1 later). */
export function moveBy(widgets: readonly Widget[], id: string, step: number): Widget[] {
  const index = inReadingOrder(widgets).findIndex((widget) => widget.id === id);
  return moveTo(widgets, id, index + step);
}

/** The layout with one widget's size changed by whole columns and rows, within the grid. */
export function resizeBy(widgets: readonly Widget[], id: string, columns: number, rows: number): Widget[] {
  return pack(
    inReadingOrder(widgets).map((widget) =>
      widget.id === id
        ? {
            ...widget,
            w: clamp(widget.w + columns, MIN_WIDTH, COLUMNS),
            h: clamp(widget.h + rows, MIN_HEIGHT, MAX_HEIGHT),
          }
        : widget,
    ),
  );
}

/** Adds a widget after the others. */
export function append(widgets: readonly Widget[], widget: Widget): Widget[] {
  return pack([...inReadingOrder(widgets), { ...widget, y: Number.MAX_SAFE_INTEGER }]);
}

export function without(widgets: readonly Widget[], id: string): Widget[] {
  return pack(inReadingOrder(widgets).filter((widget) => widget.id !== id));
}

export function replace(widgets: readonly Widget[], changed: Widget): Widget[] {
  return pack(inReadingOrder(widgets).map((widget) => (widget.id === changed.id ? changed : widget)));
}

export function newWidgetId(): string {
  return `w-${Date.now().toString(36)}${Math.floor(Math.random() * 46656).toString(36)}`;
}
