import { useCallback, useRef } from "react";

/**
 * Runs one operation at a time: a call while another runs returns at once and does nothing. A ref,
 * not state, so a double click (two clicks before React re-renders the disabled button) acts once.
 */
export function useOneAtATime(): (work: () => Promise<void>) => Promise<void> {
  const running = useRef(false);
  return useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    try {
      await work();
    } finally {
      running.current = false;
    }
  }, []);
}
