/** Who is signed in to the store, and their role (from /me), for every tab (the managers' Team tab reads it). */
import { createContext, useContext } from "react";
import type { Session } from "../sync/syncService";

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session | null => useContext(SessionContext);
