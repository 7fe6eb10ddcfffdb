/** Exit codes shared by every CLI command (in their own module so no command imports cli/main.ts). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_A_REPO = 3;
