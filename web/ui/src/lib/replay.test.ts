import { describe, expect, it } from 'vitest';
import { failureFrame, isReplay, resolveStates, textIn, trailOf, type Replay } from './replay';

const grid: Replay = {
  format: 'koodikoe-replay', version: 1,
  world: { kind: 'grid', width: 4, height: 2, trail: true },
  frames: [
    { turn: 0, state: { agents: [{ x: 0, y: 0, dir: 'E' }], marks: [{ x: 2, y: 1, kind: 'item' }] } },
    { turn: 1, by: 'program', move: 'FORWARD', state: { agents: [{ x: 1, y: 0, dir: 'E' }] } },
    { turn: 2, by: 'program', move: 'PICK', state: { marks: [] } },
  ],
  outcome: { result: 'failure', text: { en: 'Crashed', fi: 'Törmäsi' }, frame: 1 },
};

describe('replays', () => {
  it('recognises the format', () => {
    expect(isReplay(grid)).toBe(true);
    expect(isReplay({ ...grid, version: 2 })).toBe(false);
    expect(isReplay({ ...grid, frames: [] })).toBe(false);
    expect(isReplay(undefined)).toBe(false);
  });

  it('keeps what a frame leaves out from the frames before', () => {
    const { states } = resolveStates(grid);
    expect(states[1].marks).toEqual([{ x: 2, y: 1, kind: 'item' }]);
    expect(states[1].agents[0].x).toBe(1);
    expect(states[2].agents[0].x).toBe(1);
    expect(states[2].marks).toEqual([]);
  });

  it('adds up the lines of a drawing', () => {
    const plane: Replay = {
      format: 'koodikoe-replay', version: 1, world: { kind: 'plane', min: [0, 0], max: [10, 10] },
      frames: [
        { turn: 0, state: { turtle: { x: 0, y: 0 } } },
        { turn: 1, state: { turtle: { x: 5, y: 0 }, lines: [[0, 0, 5, 0]] } },
        { turn: 2, state: { turtle: { x: 5, y: 0, heading: 90 } } },
        { turn: 3, state: { turtle: { x: 5, y: 5 }, lines: [[5, 0, 5, 5]] } },
      ],
      outcome: { result: 'success', text: 'ok' },
    };
    const { lines, drawn, states } = resolveStates(plane);
    expect(lines).toHaveLength(2);
    expect(drawn).toEqual([0, 1, 1, 2]);
    expect(states[2].turtle?.heading).toBe(90);
  });

  it('finds where it went wrong', () => {
    expect(failureFrame(grid)).toBe(1);
    expect(failureFrame({ ...grid, outcome: { result: 'failure', text: 'x' } })).toBe(2);
    expect(failureFrame({ ...grid, outcome: { result: 'success', text: 'x' } })).toBeNull();
  });

  it('draws the trail from the first visit', () => {
    const trail = trailOf(resolveStates(grid).states);
    expect(trail.get('0,0')).toBe(0);
    expect(trail.get('1,0')).toBe(1);
  });

  it('picks the reader\'s language, else the other', () => {
    expect(textIn({ en: 'Crashed', fi: 'Törmäsi' }, 'fi')).toBe('Törmäsi');
    expect(textIn({ en: 'Crashed' }, 'fi')).toBe('Crashed');
    expect(textIn('plain', 'en')).toBe('plain');
  });
});
