import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This app sits inside the kit's repository, which has a lockfile of its own: pin the root
  // here so Next.js does not take the repository for a monorepo root.
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
  // Keep `next dev` from writing an AGENTS.md of coding-agent instructions into the example
  // (both settings are needed; the build then lists agentUpgrade among its experiments).
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
