/** One stated fact, as the panel shows it and `own-it incident new` prints it (no Node imports: the webview reads this type). */
export interface FactLine {
  label: string;
  value: string;
  /** The git query (or setting) the value comes from, so anyone can check it. */
  source: string;
}
