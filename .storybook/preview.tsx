import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';
import './preview.css';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      // Fail the story (in the a11y panel and test runs) on violations, not just warn.
      test: 'error',
    },
  },
};

export default preview;
