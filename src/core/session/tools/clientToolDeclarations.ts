import type { SessionConfig, SessionTool } from '../../protocol/index.ts';
import type { ClientToolDeclaration } from './toolTypes.ts';

/**
 * The `tools` a session config declares: the app's own (from `config` or an `updateSession`
 * patch: remote MCP servers, functions it answers itself) followed by the client tools. On a
 * name clash the client tool wins: the runtime answers calls to that name, so the model must
 * see the schema the runtime validates with.
 */
export function withClientTools(config: SessionConfig | undefined, declarations: readonly ClientToolDeclaration[]): SessionConfig {
  const own = config?.tools ?? [];
  const tools: SessionTool[] = [];
  for (const tool of own) {
    if (!(tool.type === 'function' && declarations.some((declaration) => declaration.name === tool.name))) tools.push(tool);
  }
  for (const declaration of declarations) tools.push({ ...declaration });
  return { ...config, tools };
}

/** Whether two lists declare the same tools (same declaration objects, same order). */
export function sameDeclarations(a: readonly ClientToolDeclaration[] | null, b: readonly ClientToolDeclaration[]): boolean {
  return a !== null && a.length === b.length && a.every((declaration, i) => declaration === b[i]);
}
