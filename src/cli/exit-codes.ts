// ESLint's exit codes, which both commands use: 0 clean, 1 findings (or too many warnings), 2 usage, missing input or internal error.
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FATAL = 2;
