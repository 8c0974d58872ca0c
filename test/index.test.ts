import { describe, expect, it } from 'vitest';
import * as advanced from '../src/advanced.ts';
import * as components from '../src/components/index.ts';
import * as core from '../src/core/index.ts';
import * as protocol from '../src/core/protocol/index.ts';
import * as session from '../src/core/session/index.ts';
import * as transports from '../src/core/transports/index.ts';
import * as react from '../src/react/index.ts';
import * as root from '../src/index.ts';

// The entries list their names one by one, so a name a folder adds to its index reaches users
// only when someone places it: in the app's entries, or among the building blocks.
const notIn = (names: object, ...entries: object[]) =>
  Object.keys(names).filter((name) => entries.every((entry) => !(name in entry)));

describe('the public entries', () => {
  it("place every value of the core's folders in react-realtime-kit/core or /advanced", () => {
    expect(notIn({ ...session, ...protocol, ...transports }, core, advanced)).toEqual([]);
  });

  it('place every value of the React layer and the components in the root or /advanced', () => {
    expect(notIn({ ...react, ...components }, root, advanced)).toEqual([]);
  });

  it('give each building block one home: /advanced, not the root nor core', () => {
    expect(Object.keys(advanced).filter((name) => name in root || name in core)).toEqual([]);
  });

  it('keep every core name in the root, which is core + React layer + components', () => {
    expect(notIn(core, root)).toEqual([]);
  });
});
