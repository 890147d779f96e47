/**
 * How often a seat may send board updates. Freehand sends about 20 updates a second while the pen moves,
 * so the limit is generous; it stops a runaway or hostile client, not a fast drawer. Counted in this
 * process's memory (a fixed window per seat), since nothing about an update is stored per sender.
 */
export const boardRateLimit = { updates: 60, windowMs: 1000 };

export interface BoardRateLimiter {
  /** Counts one update for this seat; false when the seat has used up its window. */
  take(seatId: string, at: Date): boolean;
}

export function createBoardRateLimiter(limit = boardRateLimit): BoardRateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(seatId, at) {
      const now = at.getTime();
      const window = windows.get(seatId);
      if (!window || now - window.start >= limit.windowMs || now < window.start) {
        // Old windows are dropped as the map grows, so a long-running server keeps only live seats.
        if (windows.size > 10_000) {
          for (const [id, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(id);
        }
        windows.set(seatId, { start: now, count: 1 });
        return true;
      }
      if (window.count >= limit.updates) return false;
      window.count += 1;
      return true;
    },
  };
}
