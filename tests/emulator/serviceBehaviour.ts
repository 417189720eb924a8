/**
 * Ways the emulated service can differ from the plain store, changeable while it runs: a list
 * answer that leaves parts of each draft out, as a summary listing does, and namespaces the
 * caller's RAM policy denies.
 */
import type { WireDeploymentDraft } from "../../provider/core/wireTypes";

export interface ServiceBehaviour {
    /** Fields ListDeploymentDrafts leaves out of each draft (GetDeploymentDraft still sends them). Default none. */
    listOmits: Array<keyof WireDeploymentDraft>;
    /** Namespaces on which every call is refused with 403 Forbidden.RAM. Default none. */
    deniedNamespaces: string[];
}

/** A listed draft without the fields the behaviour omits. */
export function listedDraft(draft: WireDeploymentDraft, behaviour: ServiceBehaviour): WireDeploymentDraft {
    const listed: Record<string, unknown> = { ...draft };
    for (const field of behaviour.listOmits) delete listed[field];
    return listed;
}
