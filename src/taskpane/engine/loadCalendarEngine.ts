import { useEffect, useState } from "react";

import type * as calendarEngine from "./calendarEngine";

export type CalendarEngine = typeof calendarEngine;

let loading: Promise<CalendarEngine> | null = null;

/** Loads the calendar engine once (a separate chunk); later calls share the same promise. */
export function loadCalendarEngine(): Promise<CalendarEngine> {
  loading ??= import("./calendarEngine");
  return loading;
}

/** The engine once loaded, null before; a failed load is reported through `error`. */
export function useCalendarEngine(): { engine: CalendarEngine | null; error: unknown } {
  const [state, setState] = useState<{ engine: CalendarEngine | null; error: unknown }>({
    engine: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    loadCalendarEngine().then(
      (engine) => {
        if (live) setState({ engine, error: null });
      },
      (error: unknown) => {
        if (live) setState({ engine: null, error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
