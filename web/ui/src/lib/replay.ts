// Replays of game exercises (format version 1, judge/PACKAGES.md): the types, and the state
// at each frame worked out once, since a frame lists only what changed.
import type { Lang } from './api';

export type ReplayText = string | { en?: string; fi?: string };
export interface ReplayEvent { text: ReplayText; tone?: 'info' | 'good' | 'bad' }
export interface Agent { x: number; y: number; dir?: 'N' | 'E' | 'S' | 'W'; kind?: 'robot' | 'snake' | 'player' }
export interface Mark { x: number; y: number; kind: string }
export type Line = [number, number, number, number];
export interface Turtle { x: number; y: number; heading?: number; pen?: boolean }
export interface FrameState {
  agents?: Agent[]; marks?: Mark[];
  turtle?: Turtle; lines?: Line[];
  low?: number; high?: number; guess?: number;
}
export interface Frame { turn: number; by?: 'program' | 'bot' | 'world'; move?: string; state: FrameState; events?: ReplayEvent[] }
export type World =
  | { kind: 'grid'; width: number; height: number; cells?: string[]; trail?: boolean }
  | { kind: 'plane'; min: [number, number]; max: [number, number]; target?: Line[] }
  | { kind: 'range'; min: number; max: number };
export interface Outcome { result: 'success' | 'partial' | 'failure'; text: ReplayText; score?: number; frame?: number; at?: [number, number] }
export interface Replay { format: 'koodikoe-replay'; version: 1; title?: ReplayText; world: World; frames: Frame[]; outcome: Outcome }

/** What is on the board at one frame: the frame's own keys over those of the frames before. */
export interface ResolvedState {
  agents: Agent[]; marks: Mark[];
  turtle?: Turtle; lines: Line[];
  low?: number; high?: number; guess?: number;
}

/** Whether a value from the server looks like a replay this viewer can show. */
export function isReplay(value: unknown): value is Replay {
  const r = value as Replay;
  return !!r && typeof r === 'object' && r.format === 'koodikoe-replay' && r.version === 1 &&
    !!r.world && Array.isArray(r.frames) && r.frames.length > 0 && !!r.outcome;
}

export function textIn(text: ReplayText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.fi ?? '';
}

/** The resolved state of every frame. Lines add up (each frame gives the lines it drew); the
 *  array of lines is shared and each state holds how many of them are drawn by then. */
export function resolveStates(replay: Replay): { states: ResolvedState[]; lines: Line[]; drawn: number[] } {
  const states: ResolvedState[] = [];
  const lines: Line[] = [];
  const drawn: number[] = [];
  let current: ResolvedState = { agents: [], marks: [], lines };
  for (const frame of replay.frames) {
    const s = frame.state ?? {};
    current = {
      agents: s.agents ?? current.agents,
      marks: s.marks ?? current.marks,
      turtle: s.turtle ?? current.turtle,
      lines,
      low: s.low ?? current.low,
      high: s.high ?? current.high,
      guess: s.guess ?? current.guess,
    };
    if (s.lines) lines.push(...s.lines);
    drawn.push(lines.length);
    states.push(current);
  }
  return { states, lines, drawn };
}

/** For a grid with a trail: each square an agent has stood on, with the first frame it did. */
export function trailOf(states: ResolvedState[]): Map<string, number> {
  const first = new Map<string, number>();
  states.forEach((s, i) => {
    for (const a of s.agents) {
      const key = `${a.x},${a.y}`;
      if (!first.has(key)) first.set(key, i);
    }
  });
  return first;
}

/** The frame where the game went wrong: the outcome's, or the last one of a game not won. */
export function failureFrame(replay: Replay): number | null {
  if (replay.outcome.result === 'success') return null;
  const last = replay.frames.length - 1;
  const frame = replay.outcome.frame;
  return frame !== undefined && frame >= 0 && frame <= last ? frame : last;
}

/** Frames per second of playback at speed 1. */
export const BASE_FPS = 2;
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
