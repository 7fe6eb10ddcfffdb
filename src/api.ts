/** The API `activate()` returns: used by our integration tests and by other extensions. */
export interface OwnItApi {
  readonly version: 1;
}
