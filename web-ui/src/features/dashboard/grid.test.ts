import { describe, expect, it } from 'vitest';
import { append, moveBy, moveTo, pack, resizeBy, without, withoutHidden } from './grid';
import type { Widget } from './types';

const widget = (id: string, x: number, y: number, w: number, h: number): Widget => ({
  id,
  type: 'custom',
  title: id,
  x,
  y,
  w,
  h,
  settings: {},
});

const places = (widgets: Widget[]) => widgets.map(({ id, x, y, w, h }) => `${id}@${x},${y} ${w}x${h}`);

describe('dashboard grid', () => {
  const layout = [widget('a', 0, 0, 6, 4), widget('b', 6, 0, 6, 4), widget('c', 0, 4, 12, 3)];

  it('packs widgets in reading order without overlap', () => {
    expect(places(pack(layout))).toEqual(['a@0,0 6x4', 'b@6,0 6x4', 'c@0,4 12x3']);
  });

  it('closes up the widgets a user sees around one they may not, and keeps a layout with none hidden as it is', () => {
    const hiddenFirst = [widget('h', 0, 0, 12, 2), widget('p', 0, 2, 12, 4), widget('r', 0, 6, 12, 4)];
    expect(places(withoutHidden(hiddenFirst, (shown) => shown.id === 'p'))).toEqual(['h@0,0 12x2', 'r@0,2 12x4']);
    const spaced = [widget('a', 0, 0, 6, 4), widget('c', 0, 9, 12, 3)];
    expect(places(withoutHidden(spaced, () => false))).toEqual(['a@0,0 6x4', 'c@0,9 12x3']);
  });

  it('moves a widget earlier and later in the reading order', () => {
    expect(places(moveBy(layout, 'c', -1))).toEqual(['a@0,0 6x4', 'c@0,4 12x3', 'b@0,7 6x4']);
    expect(places(moveBy(layout, 'a', 1))).toEqual(['b@0,0 6x4', 'a@6,0 6x4', 'c@0,4 12x3']);
    expect(places(moveTo(layout, 'c', 0))).toEqual(['c@0,0 12x3', 'a@0,3 6x4', 'b@6,3 6x4']);
  });

  it('resizes within the 12 columns and pushes the next widgets on', () => {
    expect(places(resizeBy(layout, 'a', 2, 1))).toEqual(['a@0,0 8x5', 'b@0,5 6x4', 'c@0,9 12x3']);
    expect(places(resizeBy(layout, 'b', 20, -10))).toEqual(['a@0,0 6x4', 'b@0,4 12x2', 'c@0,6 12x3']);
  });

  it('adds after the others and closes the gap of a removed one', () => {
    expect(places(append(layout, widget('d', 0, 0, 4, 2)))).toContain('d@0,7 4x2');
    expect(places(without(layout, 'a'))).toEqual(['b@0,0 6x4', 'c@0,4 12x3']);
  });
});
