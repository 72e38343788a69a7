// The signed-in operator, kept for the browser tab (sessionStorage: a closed tab signs out of
// this browser; the token itself lives 15 minutes on the server).
import { useSyncExternalStore } from 'react';
import type { ConsoleSignIn } from '@/api/types';

const STORAGE_KEY = 'jinlin.console.session';

export interface SessionState {
  session: ConsoleSignIn | null;
  /** Why the last session ended, when the server ended it (shown on the sign-in page). */
  endedBecause?: string;
}

function read(): SessionState {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (!stored) return { session: null };
  const session = JSON.parse(stored) as ConsoleSignIn;
  return Date.parse(session.expiresAt) > Date.now() ? { session } : { session: null, endedBecause: '登录已过期，请重新登录' };
}

let state: SessionState = read();
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function currentSession(): ConsoleSignIn | null {
  return state.session;
}

export function startSession(session: ConsoleSignIn): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  publish({ session });
}

export function endSession(reason?: string): void {
  sessionStorage.removeItem(STORAGE_KEY);
  publish({ session: null, endedBecause: reason });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}
