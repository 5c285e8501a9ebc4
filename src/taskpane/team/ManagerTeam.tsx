/** The Team tab's switch: the manager side for a signed-in manager or director, nothing for a rep. */
import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";
import type { StoreRequest } from "../../sync";
import { useSession } from "../shell/session";
import { TeamPanel } from "./TeamPanel";

export interface ManagerTeamProps {
  gateway: WorkbookGateway;
  request: StoreRequest;
  initialAsOf?: string;
}

export function ManagerTeam({ gateway, request, initialAsOf }: ManagerTeamProps): ReactNode {
  const session = useSession();
  const role = session?.person.role;
  if (session === null || (role !== "manager" && role !== "director")) return null;
  return (
    <TeamPanel
      key={session.person.id}
      gateway={gateway}
      request={request}
      me={session.person}
      {...(initialAsOf !== undefined ? { initialAsOf } : {})}
    />
  );
}
