import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { renderToString } from 'react-dom/server';
import { render } from '@testing-library/react';
import { expect, it } from 'vitest';
import './helpers/autoCleanup.ts';

// The `react` project runs these files on React 19, the `react18` project on React 18 (aliases
// in vitest.config.ts). Everything must agree: the tests' React, Testing Library's React and
// react-dom, or hooks would fail with "Invalid hook call".
const expected = process.env.REACT_REALTIME_KIT_REACT ?? '19';

it(`runs on React ${expected} throughout`, () => {
  expect(React.version.split('.')[0]).toBe(expected);
  expect(ReactDOM.version.split('.')[0]).toBe(expected);

  function UsesHooks() {
    const [value] = React.useState('hooked');
    return <span>{value}</span>;
  }
  expect(render(<UsesHooks />).container.textContent).toBe('hooked');
  expect(renderToString(<UsesHooks />)).toContain('hooked');
});
