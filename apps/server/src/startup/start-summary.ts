import { networkInterfaces } from 'node:os';
import type { DemoAccount } from '@cw/shared';

/** What a person starting the server needs to know to use it. */
export interface StartFacts {
  /** The address to open. */
  url: string;
  /** Further addresses other machines on the network can open it at. */
  networkUrls: string[];
  /** The embedded database's folder; undefined on Postgres. */
  dataDir: string | undefined;
  /** The demo accounts, in demo mode. */
  demoAccounts: readonly DemoAccount[] | undefined;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Where else the server can be reached: this machine's network addresses when it listens on all. */
export function networkUrls(host: string, port: number): string[] {
  if (LOOPBACK_HOSTS.has(host)) return [];
  if (!WILDCARD_HOSTS.has(host)) return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
    .map((address) => `http://${address!.address}:${port}`);
}

/** The few lines printed in a terminal once the server is ready. */
export function startSummary(facts: StartFacts): string {
  const lines = [`Consultation Workspace is ready at ${facts.url}`];
  for (const url of facts.networkUrls) lines.push(`  also on your network at ${url}`);
  const accounts = facts.demoAccounts ?? [];
  if (accounts.length > 0) {
    const passwords = [...new Set(accounts.map((account) => account.password))];
    lines.push(`  demo accounts, password ${passwords.join(' / ')}:`);
    const width = Math.max(...accounts.map((account) => account.email.length));
    for (const account of accounts) {
      lines.push(`    ${account.email.padEnd(width)}  ${account.role} · ${account.group}`);
    }
  }
  lines.push(
    facts.dataDir
      ? `  data in ${facts.dataDir} (embedded database; set DATABASE_URL to use Postgres)`
      : '  data in Postgres (DATABASE_URL)',
  );
  lines.push('  stop with Ctrl-C');
  return `\n${lines.join('\n')}\n\n`;
}
