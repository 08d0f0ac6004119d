// Module resolution hooks (registered with module.register) that load a stand-in for a module the user names.
interface StubData {
  /** Specifier as written in the import → file URL of the stand-in. */
  stubs: Record<string, string>;
}

interface ResolveResult {
  url: string;
  shortCircuit?: boolean;
  format?: string | null;
}

type NextResolve = (specifier: string, context: unknown) => Promise<ResolveResult> | ResolveResult;

let stubs: Record<string, string> = {};

export function initialize(data: StubData): void {
  stubs = data.stubs;
}

export async function resolve(specifier: string, context: unknown, nextResolve: NextResolve): Promise<ResolveResult> {
  // The stand-in is resolved through the rest of the chain, so that a loader (tsx) still handles its extension.
  const stub = stubs[specifier];
  return nextResolve(stub ?? specifier, context);
}
