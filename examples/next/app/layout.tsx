import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'react-realtime-kit/styles.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'Voice assistant · react-realtime-kit on Next.js',
  description: 'A voice page on the OpenAI Realtime API, built from react-realtime-kit.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
