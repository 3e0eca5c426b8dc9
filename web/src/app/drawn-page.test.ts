import { describe, expect, it } from 'vitest';
import { PHONE } from '../ui/media.ts';
import { type DrawnState, drawnStateElement } from './drawn-page.ts';

const hostile = '</script><script>alert(1)</script><!-- & \u2028\u2029 > <';

function stateOf(element: string): DrawnState {
  const match = /^<script type="application\/json" id="ordning-drawn">([\s\S]*)<\/script>$/.exec(element);
  if (!match) throw new Error(`not one script element: ${element}`);
  return JSON.parse(match[1]!) as DrawnState;
}

describe('the state a drawn page hands to the app', () => {
  const state: DrawnState = {
    queries: {
      mutations: [],
      queries: [{ queryKey: ['order'], queryHash: '["order"]', state: { data: { description: hostile } } }],
    } as never,
    locale: 'sv',
    device: PHONE,
  };

  it('is one script element that no text in the data can close or comment out', () => {
    const element = drawnStateElement(state);
    expect(element.match(/<\/script>/g)).toHaveLength(1);
    expect(element.match(/<script/g)).toHaveLength(1);
    expect(element).not.toContain('<!--');
    expect(element).not.toMatch(/[\u2028\u2029]/);
  });

  it('reads back exactly as it was', () => {
    expect(stateOf(drawnStateElement(state))).toEqual(state);
  });
});
