import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm start` serves the production build on $PORT (4173 if unset), and fails rather than
// moving to another port, so whoever started it knows where it is.
export default defineConfig({
  plugins: [react()],
  preview: { port: Number(process.env.PORT) || 4173, strictPort: true },
});
