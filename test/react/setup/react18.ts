import Module from 'node:module';

/**
 * Setup of the `react18` Vitest project. Vite aliases send the tests' own `react` imports to the
 * `react-18` package, but dependencies that Vitest leaves to Node (Testing Library, react-dom-18)
 * `require('react')` themselves and would get React 19. Redirecting Node's resolution as well
 * makes every copy in the process the same React 18.
 */
const redirects: Record<string, string> = { react: 'react-18', 'react-dom': 'react-dom-18' };

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const resolve = moduleWithResolver._resolveFilename;

moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
  const match = /^(react-dom|react)(\/.*)?$/.exec(request);
  const target = match?.[1] ? redirects[match[1]] : undefined;
  return resolve.call(this, target ? `${target}${match?.[2] ?? ''}` : request, ...rest);
};
