import * as vscode from 'vscode';
import type { OwnItApi } from './api';
import { registerCommands } from './commands';
import { Container } from './container';

// Wiring only: no git work and nothing slow is awaited before commands and views exist.
export function activate(context: vscode.ExtensionContext): OwnItApi {
  const container = new Container(context);
  context.subscriptions.push(container);
  registerCommands(context, container);
  return { version: 1 };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
