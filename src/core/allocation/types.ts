/** Shapes shared by both allocation methods (see domain.md, "Allocation"). */

export type AllocationMethod = "norms" | "optimized";
export type BindingBound = "min" | "max";

export interface AllocationExplanation {
  /** Value of the client's last unit (optimized); null for norms or when it got none. */
  lastUnitValue: number | null;
  /** Value its next unit would add (optimized); null for norms or when it is at its maximum. */
  nextUnitValue: number | null;
  /** "max" when the units equal the client's maximum, "min" when they equal its (positive) minimum. */
  binding: BindingBound | null;
  /** Norms only: the scaled (unrounded) share the units were rounded from. */
  target?: number;
}

export interface ClientAllocation {
  id: string;
  units: number;
  explanation: AllocationExplanation;
}

export interface AllocationResult {
  method: AllocationMethod;
  capacity: number;
  /** Σ units. */
  total: number;
  /** capacity − total (norms that stand below the capacity leave a spare). */
  spare: number;
  /** In input order. */
  allocations: ClientAllocation[];
  /** Value of one more unit of capacity (optimized); null for norms or when every client is at its max. */
  shadowPrice: number | null;
  /** Σ value × response of the optimized allocation. */
  objective?: number;
  notes: string[];
  notesFr: string[];
}

/** A client's bounds as given: blank (null/undefined) means none. */
export interface BoundsInput {
  id: string;
  min?: number | null;
  max?: number | null;
}
