// Turns the snapshots of one verify run into findings: request data retained, growth, listeners and timers left
// behind, state overwritten under concurrency, and (not leaks by themselves) state written between invocations.
import type { BindingInfo, InvocationRecord, NodeRecord, Snapshot } from './types.js';

export type LeakKind =
  'retained-request-data' | 'growth' | 'listeners' | 'timers' | 'concurrent-overwrite' | 'concurrent-exposure';
export type WriteKind = 'state-write' | 'initialised-once';
export type FindingKind = LeakKind | WriteKind;

/** A static finding of the plugin on the line a runtime observation confirms. */
export interface StaticMatch {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface VerifyFinding {
  kind: FindingKind;
  /** The export whose invocations showed it. */
  handler: string;
  /** Variable or property name: `cache`, `module.exports`, a global's name, `process` for process listeners. */
  binding: string;
  /** File URL of the module holding the binding, `(global)`, `(process)` or `(event loop)`. */
  module: string;
  scope: BindingInfo['scope'] | 'process' | 'event-loop';
  /** Closure bindings: what keeps the closure alive. */
  holder?: string;
  /** Where inside the value: `cache.get("hs-canary-2-item")`, `arrayB`, `emitter.listeners("data")`. */
  path: string;
  message: string;
  /** Invocation numbers (canaries) and sizes or counts behind the finding. */
  evidence: {
    invocations?: number[];
    sizes?: number[];
    seenWhen?: string;
  };
  confirms: StaticMatch[];
}

interface Phase {
  handler: string;
  base?: Snapshot;
  sequential: { k: number; snapshot: Snapshot }[];
  started: { k: number; snapshot: Snapshot }[];
}

function bindingKey(binding: BindingInfo): string {
  return `${binding.module}\u0000${binding.scope}\u0000${binding.name}\u0000${binding.holder ?? ''}`;
}

interface Indexed {
  bindings: Map<string, BindingInfo>;
  nodes: Map<string, Map<string, NodeRecord>>;
  digests: Map<string, string>;
}

const indexCache = new WeakMap<Snapshot, Indexed>();

function indexed(snapshot: Snapshot): Indexed {
  let index = indexCache.get(snapshot);
  if (index) return index;
  index = { bindings: new Map(), nodes: new Map(), digests: new Map() };
  for (const [i, binding] of snapshot.bindings.entries()) {
    const key = bindingKey(binding);
    index.bindings.set(key, binding);
    index.digests.set(key, snapshot.digests[i]);
    index.nodes.set(key, new Map());
  }
  for (const node of snapshot.nodes) {
    const key = bindingKey(snapshot.bindings[node.b]);
    const paths = index.nodes.get(key) as Map<string, NodeRecord>;
    if (!paths.has(node.path)) paths.set(node.path, node);
  }
  indexCache.set(snapshot, index);
  return index;
}

const canaryCache = new WeakMap<Snapshot, Map<NodeRecord, number[]>>();

/**
 * Canaries of each node, with a reference (an object first read under another name) carrying those found
 * anywhere inside the object it points to: `lastRecord` holds request data when the record it shares with
 * `lastEvent.Records[1]` does.
 */
function canariesOf(snapshot: Snapshot): Map<NodeRecord, number[]> {
  const cached = canaryCache.get(snapshot);
  if (cached) return cached;
  const byBinding = new Map<number, NodeRecord[]>();
  const owners = new Map<number, NodeRecord>();
  for (const node of snapshot.nodes) {
    let list = byBinding.get(node.b);
    if (!list) byBinding.set(node.b, (list = []));
    list.push(node);
    if (node.id !== undefined && !owners.has(node.id)) owners.set(node.id, node);
  }
  const inside = new Map<number, number[]>();
  const subtree = (id: number, visiting: Set<number>): number[] => {
    const known = inside.get(id);
    if (known) return known;
    const owner = owners.get(id);
    if (!owner || visiting.has(id)) return [];
    visiting.add(id);
    const found = new Set<number>();
    for (const node of byBinding.get(owner.b) ?? []) {
      const under =
        node.path === owner.path || node.path.startsWith(`${owner.path}.`) || node.path.startsWith(`${owner.path}[`);
      if (!under) continue;
      for (const c of node.canaries ?? []) found.add(c);
      if (node.ref !== undefined) for (const c of subtree(node.ref, visiting)) found.add(c);
    }
    visiting.delete(id);
    const list = [...found];
    inside.set(id, list);
    return list;
  };
  const result = new Map<NodeRecord, number[]>();
  for (const node of snapshot.nodes) {
    // An export is the module variable it names: its references add nothing.
    const viaRef =
      node.ref !== undefined && snapshot.bindings[node.b].scope !== 'exports' ? subtree(node.ref, new Set()) : [];
    const own = node.canaries ?? [];
    if (own.length > 0 || viaRef.length > 0) result.set(node, [...new Set([...own, ...viaRef])]);
  }
  canaryCache.set(snapshot, result);
  return result;
}

function strictlyRising(values: number[]): boolean {
  return values.length >= 2 && values.every((value, i) => i === 0 || value > values[i - 1]);
}

function displayName(binding: BindingInfo): string {
  if (binding.scope === 'global') return `globalThis.${binding.name}`;
  return binding.holder ? `${binding.name}\` (closure of \`${binding.holder})` : binding.name;
}

function finding(
  handler: string,
  binding: BindingInfo,
  kind: FindingKind,
  path: string,
  message: string,
  evidence: VerifyFinding['evidence'],
): VerifyFinding {
  return {
    kind,
    handler,
    binding: binding.name,
    module: binding.module,
    scope: binding.scope,
    ...(binding.holder ? { holder: binding.holder } : {}),
    path,
    message,
    evidence,
    confirms: [],
  };
}

/** Groups the snapshots of a run by the handler they belong to, in order. */
export function phasesOf(snapshots: { handler: string; snapshot: Snapshot }[]): Phase[] {
  const phases: Phase[] = [];
  let phase: Phase | undefined;
  for (const { handler, snapshot } of snapshots) {
    if (!phase || phase.handler !== handler || snapshot.checkpoint === 'load' || snapshot.checkpoint === 'start') {
      phase = { handler, sequential: [], started: [] };
      phases.push(phase);
    }
    const [label, number] = snapshot.checkpoint.split(':');
    if (label === 'load' || label === 'start') phase.base = snapshot;
    else if (label === 'after') phase.sequential.push({ k: Number(number), snapshot });
    else if (label === 'started') phase.started.push({ k: Number(number), snapshot });
  }
  return phases;
}

function retained(phase: Phase, out: VerifyFinding[], bounded: Set<string>): void {
  const ks = new Set(phase.sequential.map((entry) => entry.k));
  const byBinding = new Map<
    string,
    { binding: BindingInfo; paths: string[]; invocations: Set<number>; first: string }
  >();
  for (const { k, snapshot } of phase.sequential) {
    const index = indexed(snapshot);
    for (const [node, canaries] of canariesOf(snapshot)) {
      const from = canaries.filter((c) => ks.has(c) && c <= k);
      if (from.length === 0) continue;
      const binding = snapshot.bindings[node.b];
      const key = bindingKey(binding);
      if (node.bounded) {
        bounded.add(node.path);
        continue;
      }
      let entry = byBinding.get(key);
      if (!entry) {
        entry = {
          binding: index.bindings.get(key) as BindingInfo,
          paths: [],
          invocations: new Set(),
          first: `invocation ${Math.min(...from)}'s data is still there when invocation ${k + 1} starts`,
        };
        byBinding.set(key, entry);
      }
      for (const c of from) entry.invocations.add(c);
      if (entry.paths.length < 3 && !entry.paths.includes(node.path)) entry.paths.push(node.path);
    }
  }
  for (const { binding, paths, invocations, first } of byBinding.values()) {
    const list = [...invocations].sort((a, b) => a - b);
    out.push(
      finding(
        phase.handler,
        binding,
        'retained-request-data',
        paths[0],
        `\`${displayName(binding)}\` keeps request data between invocations: ${first} (${paths.join(', ')}); data of ${list.length} of ${ks.size} invocations retained`,
        { invocations: list, seenWhen: first },
      ),
    );
  }
}

function growth(phase: Phase, out: VerifyFinding[], bounded: Set<string>): void {
  if (phase.sequential.length < 3) return;
  const snapshots = phase.sequential.map((entry) => indexed(entry.snapshot));
  const first = snapshots[0];
  for (const [key, paths] of first.nodes) {
    const rising: { path: string; sizes: number[]; type: string }[] = [];
    for (const [path, node] of paths) {
      if (node.size === undefined || node.type === 'function') continue;
      const sizes: number[] = [];
      for (const snapshot of snapshots) {
        const later = snapshot.nodes.get(key)?.get(path);
        if (later?.size === undefined) break;
        sizes.push(later.size);
      }
      if (sizes.length !== snapshots.length || !strictlyRising(sizes)) continue;
      if (node.bounded) {
        bounded.add(path);
        continue;
      }
      rising.push({ path, sizes, type: node.type });
    }
    if (rising.length === 0) continue;
    rising.sort((a, b) => a.path.length - b.path.length);
    const top = rising[0];
    const binding = first.bindings.get(key) as BindingInfo;
    const unit = top.type === 'string' ? 'characters' : top.type === 'object' ? 'keys' : 'entries';
    out.push(
      finding(
        phase.handler,
        binding,
        'growth',
        top.path,
        `\`${top.path}\` grows with every invocation: ${top.sizes.join(' → ')} ${unit} after invocations ${phase.sequential.map((e) => e.k).join(', ')}`,
        { sizes: top.sizes, invocations: phase.sequential.map((e) => e.k) },
      ),
    );
  }
}

function listenersAndTimers(phase: Phase, out: VerifyFinding[], rootModule: string): void {
  if (phase.sequential.length < 3) return;
  const snapshots = phase.sequential.map((entry) => entry.snapshot);
  const ks = phase.sequential.map((entry) => entry.k);
  const processBinding: BindingInfo = { name: 'process', module: '(process)', scope: 'module' };
  for (const event of Object.keys(snapshots[snapshots.length - 1].processListeners)) {
    const counts = snapshots.map((snapshot) => snapshot.processListeners[event] ?? 0);
    if (!strictlyRising(counts)) continue;
    const f = finding(
      phase.handler,
      processBinding,
      'listeners',
      `process.listeners(${JSON.stringify(event)})`,
      `a \`process\` listener for "${event}" is added on every invocation and never removed: ${counts.join(' → ')} listeners`,
      { sizes: counts, invocations: ks },
    );
    f.scope = 'process';
    out.push(f);
  }
  const timers = snapshots.map((snapshot) => snapshot.resources.Timeout ?? 0);
  if (strictlyRising(timers)) {
    const f = finding(
      phase.handler,
      { name: 'timers', module: rootModule, scope: 'module' },
      'timers',
      'process.getActiveResourcesInfo()',
      `a timer is left running by every invocation: ${timers.join(' → ')} active timers after invocations ${ks.join(', ')}`,
      { sizes: timers, invocations: ks },
    );
    f.scope = 'event-loop';
    out.push(f);
  }
  const indexes = snapshots.map((snapshot) => indexed(snapshot));
  for (const [key, paths] of indexes[0].nodes) {
    for (const [path, node] of paths) {
      if (!node.listeners) continue;
      const events = new Set<string>();
      for (const index of indexes) {
        for (const name of Object.keys(index.nodes.get(key)?.get(path)?.listeners ?? {})) events.add(name);
      }
      for (const event of events) {
        const counts = indexes.map((index) => index.nodes.get(key)?.get(path)?.listeners?.[event] ?? 0);
        if (!strictlyRising(counts)) continue;
        out.push(
          finding(
            phase.handler,
            indexes[0].bindings.get(key) as BindingInfo,
            'listeners',
            `${path}.listeners(${JSON.stringify(event)})`,
            `\`${path}\` gets one more "${event}" listener with every invocation: ${counts.join(' → ')}`,
            { sizes: counts, invocations: ks },
          ),
        );
      }
    }
  }
}

function concurrency(phase: Phase, out: VerifyFinding[], notes: string[], retainedBindings: Set<string>): void {
  if (phase.started.length < 2) return;
  const overlapped = phase.started.some(
    (entry, i) => i > 0 && (entry.snapshot.inFlight ?? []).some((k) => k < entry.k),
  );
  if (!overlapped) {
    notes.push(
      `${phase.handler}: every concurrent invocation finished before the next one started (the handler never waits), so no overlap could be observed`,
    );
    return;
  }
  const reported = new Set<string>();
  for (const [j, later] of phase.started.entries()) {
    const laterIndex = indexed(later.snapshot);
    const laterCanaries = canariesOf(later.snapshot);
    for (const earlier of phase.started.slice(0, j)) {
      if (!(later.snapshot.inFlight ?? []).includes(earlier.k)) continue;
      const earlierIndex = indexed(earlier.snapshot);
      for (const [node, canaries] of canariesOf(earlier.snapshot)) {
        if (!canaries.includes(earlier.k) || node.bounded) continue;
        const key = bindingKey(earlier.snapshot.bindings[node.b]);
        const nowNode = laterIndex.nodes.get(key)?.get(node.path);
        const now = nowNode ? { canaries: laterCanaries.get(nowNode) ?? [] } : undefined;
        const binding = earlierIndex.bindings.get(key) as BindingInfo;
        if (now?.canaries.includes(later.k) && !now.canaries.includes(earlier.k)) {
          if (reported.has(`o${key}`)) continue;
          reported.add(`o${key}`);
          out.push(
            finding(
              phase.handler,
              binding,
              'concurrent-overwrite',
              node.path,
              `\`${node.path}\` held invocation ${earlier.k}'s data while it was waiting; invocation ${later.k} ran meanwhile and replaced it, so invocation ${earlier.k} resumes with another request's data`,
              {
                invocations: [earlier.k, later.k],
                seenWhen: `invocation ${later.k} started while ${earlier.k} was in flight`,
              },
            ),
          );
        } else if (now?.canaries.includes(earlier.k) && !retainedBindings.has(key)) {
          if (reported.has(`e${key}`)) continue;
          reported.add(`e${key}`);
          out.push(
            finding(
              phase.handler,
              binding,
              'concurrent-exposure',
              node.path,
              `\`${node.path}\` holds invocation ${earlier.k}'s data while it waits, where invocation ${later.k}, running meanwhile, can read it`,
              {
                invocations: [earlier.k, later.k],
                seenWhen: `invocation ${later.k} started while ${earlier.k} was in flight`,
              },
            ),
          );
        }
      }
    }
  }
}

function writes(phase: Phase, out: VerifyFinding[], leaking: Set<string>): void {
  if (!phase.base || phase.sequential.length === 0) return;
  const chain = [phase.base, ...phase.sequential.map((entry) => entry.snapshot)].map((snapshot) => indexed(snapshot));
  const last = chain[chain.length - 1];
  for (const [key, binding] of last.bindings) {
    if (leaking.has(key)) continue;
    const digests = chain.map((index) => index.digests.get(key));
    const changedAt: number[] = [];
    for (let i = 1; i < digests.length; i++) {
      if (digests[i] !== digests[i - 1]) changedAt.push(i);
    }
    if (changedAt.length === 0) continue;
    const ks = phase.sequential.map((entry) => entry.k);
    const invocations = changedAt.map((i) => ks[i - 1]);
    if (changedAt.length === 1 && changedAt[0] === 1) {
      out.push(
        finding(
          phase.handler,
          binding,
          'initialised-once',
          binding.name,
          `\`${displayName(binding)}\` is set by the first invocation and stays the same afterwards (lazy initialisation or a one-way flag)`,
          { invocations },
        ),
      );
      continue;
    }
    // Every invocation from the second on wrote it (the first may also have initialised it).
    const every = digests.length >= 3 && changedAt.filter((i) => i >= 2).length === digests.length - 2;
    out.push(
      finding(
        phase.handler,
        binding,
        'state-write',
        binding.name,
        `\`${displayName(binding)}\` is written ${every ? 'by every invocation' : `by invocations ${invocations.join(', ')}`}: the next request starts with what the previous one left`,
        { invocations },
      ),
    );
  }
}

function findingKey(f: VerifyFinding): string {
  return `${f.module}\u0000${f.scope}\u0000${f.binding}\u0000${f.holder ?? ''}`;
}

export interface Analysis {
  leaks: VerifyFinding[];
  writes: VerifyFinding[];
  notes: string[];
}

/**
 * Drops what imports add: an imported name shows the exporting module's value, which that module's own binding
 * reports. An import is kept only when it is the first to reach its object (a library module, not read itself).
 */
function withoutImports(snapshot: Snapshot, isImport: (binding: BindingInfo) => boolean): Snapshot {
  const skipped = new Set<number>();
  for (const [b, binding] of snapshot.bindings.entries()) {
    if (!isImport(binding)) continue;
    const root = snapshot.nodes.find((node) => node.b === b && node.path === binding.name);
    if (root?.id === undefined) skipped.add(b);
  }
  if (skipped.size === 0) return snapshot;
  return {
    ...snapshot,
    nodes: snapshot.nodes.filter((node) => !skipped.has(node.b)),
    digests: snapshot.digests.map((digest, b) => (skipped.has(b) ? 'import' : digest)),
  };
}

export function analyse(
  rawSnapshots: { handler: string; snapshot: Snapshot }[],
  invocations: InvocationRecord[],
  rootModule: string,
  isImport: (binding: BindingInfo) => boolean = () => false,
): Analysis {
  const snapshots = rawSnapshots.map(({ handler, snapshot }) => ({
    handler,
    snapshot: withoutImports(snapshot, isImport),
  }));
  const leaks: VerifyFinding[] = [];
  const written: VerifyFinding[] = [];
  const notes: string[] = [];
  for (const phase of phasesOf(snapshots)) {
    const bounded = new Set<string>();
    const found: VerifyFinding[] = [];
    retained(phase, found, bounded);
    growth(phase, found, bounded);
    listenersAndTimers(phase, found, rootModule);
    const retainedBindings = new Set(found.filter((f) => f.kind === 'retained-request-data').map(findingKey));
    concurrency(phase, found, notes, retainedBindings);
    const leaking = new Set(found.map((f) => findingKey(f)));
    writes(phase, written, leaking);
    leaks.push(...found);
    if (bounded.size > 0) {
      notes.push(
        `${phase.handler}: bounded caches hold request data by design and were not counted: ${[...bounded].slice(0, 5).join(', ')}`,
      );
    }
    if (phase.sequential.length < 3) {
      notes.push(
        `${phase.handler}: growth, listeners and timers need 3 or more invocations one after another (--times 3)`,
      );
    }
    const truncated = [phase.base, ...phase.sequential.map((e) => e.snapshot)].some((s) => s?.truncated);
    if (truncated) {
      notes.push(
        `${phase.handler}: the read stopped at the node limit; raise --max-nodes to read more of the module state`,
      );
    }
    const ran = invocations.filter((record) => record.handler === phase.handler);
    if (ran.length > 0 && ran.every((record) => record.outcome !== 'returned')) {
      notes.push(
        `${phase.handler}: no invocation returned normally, so the state a successful request writes may not have been reached`,
      );
    }
  }
  return { leaks, writes: written, notes };
}
