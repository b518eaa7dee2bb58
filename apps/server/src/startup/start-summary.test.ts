import { describe, expect, it } from 'vitest';
import { networkUrls, startSummary } from './start-summary.js';

describe('startSummary', () => {
  it('says where to go, how to sign in, where the data is and how to stop', () => {
    const text = startSummary({
      url: 'http://localhost:3000',
      networkUrls: ['http://192.168.1.20:3000'],
      dataDir: '/srv/cw/data',
      demoAccounts: [
        { email: 'admin@demo.example', name: 'A', password: 'pw-1', role: 'admin', group: 'Org' },
        { email: 'state@demo.example', name: 'S', password: 'pw-1', role: 'reviewer', group: 'State' },
      ],
    });
    expect(text).toContain('Consultation Workspace is ready at http://localhost:3000');
    expect(text).toContain('also on your network at http://192.168.1.20:3000');
    expect(text).toContain('demo accounts, password pw-1:');
    expect(text).toContain('admin@demo.example  admin · Org');
    expect(text).toContain('state@demo.example  reviewer · State');
    expect(text).toContain('/srv/cw/data');
    expect(text).toContain('Ctrl-C');
  });

  it('leaves out demo accounts outside demo mode and names Postgres', () => {
    const text = startSummary({
      url: 'https://consult.example.org',
      networkUrls: [],
      dataDir: undefined,
      demoAccounts: undefined,
    });
    expect(text).not.toContain('demo');
    expect(text).toContain('Postgres');
  });
});

describe('networkUrls', () => {
  it('lists nothing more for a server on loopback, the one address for a server on one', () => {
    expect(networkUrls('127.0.0.1', 3000)).toEqual([]);
    expect(networkUrls('10.1.2.3', 3000)).toEqual(['http://10.1.2.3:3000']);
    expect(networkUrls('fd00::5', 3000)).toEqual(['http://[fd00::5]:3000']);
  });

  it('lists this machine’s external IPv4 addresses for a server on all interfaces', () => {
    const urls = networkUrls('0.0.0.0', 3000);
    expect(urls).not.toContain('http://127.0.0.1:3000');
    for (const url of urls) expect(url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:3000$/);
  });
});
