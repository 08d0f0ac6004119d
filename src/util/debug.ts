// The debug switch: `HANDLER_STATE_DEBUG=1` (or `true`) makes the analysis rethrow what it would otherwise swallow.
/** On only for `1` or `true` (any case); unset, empty, `0` and anything else mean off. */
export function debugEnabled(): boolean {
  const value = process.env.HANDLER_STATE_DEBUG?.trim().toLowerCase();
  return value === '1' || value === 'true';
}
