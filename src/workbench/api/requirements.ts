/**
 * Which Excel the workbench stands in for, and the refusal of what that Excel does not have: an API
 * member whose requirement set the platform lacks fails its batch with ApiNotFound, as Office does
 * (the JavaScript library has every method; the host refuses it at sync). Default: Microsoft 365 on
 * Windows, which has no ExcelApiOnline member (TableRowCollection.deleteRowsAt, …).
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-online-requirement-set
 */
import { ClientObject } from "./clientObject";
import { apiNotFound, isSetSupported, requiredSet } from "./platforms";
import { API_SETS } from "./requirementSets";

/** Queues a failing operation when the member is missing, so the batch fails where Excel's would. */
function refuseUnsupported(target: ClientObject, member: string): void {
  const set = requiredSet(member);
  const platform = target.context.host.platform;
  if (set === undefined || isSetSupported(platform, set)) return;
  target.context.enqueue(member, () => {
    throw apiNotFound(member, set, platform);
  });
}

/** A proxy class, by its prototype (some constructors are private: instances come from factories). */
type ProxyClass = { prototype: ClientObject };

function findDescriptor(proto: object | null, name: string): PropertyDescriptor | undefined {
  for (
    let p = proto;
    p !== null && p !== ClientObject.prototype;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    const found = Object.getOwnPropertyDescriptor(p, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Wraps every recorded method and property setter of the emulated classes: calling one the platform
 * lacks queues an ApiNotFound failure. Property reads are checked when loaded (ClientObject.loadNow).
 */
export function installRequirementChecks(classes: Readonly<Record<string, ProxyClass>>): void {
  for (const [excelName, cls] of Object.entries(classes)) {
    const proto = cls.prototype as object;
    for (const key of Object.keys(API_SETS)) {
      const [owner, name = ""] = key.split(".");
      if (owner !== excelName) continue;
      const descriptor = findDescriptor(proto, name);
      if (descriptor === undefined) continue;
      if (typeof descriptor.value === "function") {
        const method = descriptor.value as (...args: unknown[]) => unknown;
        Object.defineProperty(proto, name, {
          ...descriptor,
          value: function guarded(this: ClientObject, ...args: unknown[]): unknown {
            refuseUnsupported(this, key);
            return method.apply(this, args);
          },
        });
      } else if (descriptor.set !== undefined) {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the proxy as this
        const setter = descriptor.set;
        Object.defineProperty(proto, name, {
          ...descriptor,
          set(this: ClientObject, value: unknown) {
            refuseUnsupported(this, key);
            setter.call(this, value);
          },
        });
      }
    }
  }
}
