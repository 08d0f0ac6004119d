// Generated glue: wasm-bindgen's JavaScript keeps an object heap, a free-slot counter, memory views and string
// codecs at module level, and its generated functions write them on every call into the WebAssembly instance. The
// glue is recognised by its shape (a module-level `WASM_VECTOR_LEN` with `__wbg_`/`__wbindgen_` names), not by its
// file name; the same variables in hand-written code are state, and so is anything else the glue module holds.
import { D, G, W, runCases } from './harness.js';

runCases('generated wasm-bindgen glue', [
  {
    name: "generated wasm-bindgen glue: its object heap and slot counter are the generated code's own",
    code: `let wasm;
export function __wbg_set_wasm(val) {
  wasm = val;
}
const heap = new Array(128).fill(undefined);
heap.push(undefined, null, true, false);
let heap_next = heap.length;
function addHeapObject(obj) {
  if (heap_next === heap.length) heap.push(heap.length + 1);
  const idx = heap_next;
  heap_next = heap[idx];
  heap[idx] = obj;
  return idx;
}
let WASM_VECTOR_LEN = 0;
let lastUrl;
export default {
  fetch(request) {
    lastUrl = request.url;
    return wasm.handle(addHeapObject(request));
  },
};`,
    // Glue is recognised by its shape; a variable the glue does not generate is reported all the same.
    sites: [D('lastUrl = request.url', { move: true })],
  },
  {
    name: 'the same heap in a module that is not wasm-bindgen glue: reported',
    code: `let wasm;
export function setInstance(val) {
  wasm = val;
}
const heap = new Array(128).fill(undefined);
heap.push(undefined, null, true, false);
let heap_next = heap.length;
function addHeapObject(obj) {
  if (heap_next === heap.length) heap.push(heap.length + 1);
  const idx = heap_next;
  heap_next = heap[idx];
  heap[idx] = obj;
  return idx;
}
let lastUrl;
export default {
  fetch(request) {
    lastUrl = request.url;
    return wasm.handle(addHeapObject(request));
  },
};`,
    sites: [
      G('heap.push(heap.length + 1)'),
      W('heap_next = heap[idx]'),
      G('heap[idx] = obj'),
      D('lastUrl = request.url', { move: true }),
    ],
  },
]);
