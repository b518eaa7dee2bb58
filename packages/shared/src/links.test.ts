import { describe, expect, it } from 'vitest';
import { isAllowedLinkAddress, normaliseLinkAddress } from './links.js';

describe('normaliseLinkAddress', () => {
  it('keeps http and https addresses', () => {
    expect(normaliseLinkAddress('https://www.ohchr.org/en/business-and-human-rights/b-tech-project')).toBe(
      'https://www.ohchr.org/en/business-and-human-rights/b-tech-project',
    );
    expect(normaliseLinkAddress('http://example.org')).toBe('http://example.org/');
  });

  it('takes a bare domain as https', () => {
    expect(normaliseLinkAddress('  ohchr.org/btech ')).toBe('https://ohchr.org/btech');
  });

  it('keeps mailto addresses with an email address', () => {
    expect(normaliseLinkAddress('mailto:btech@ohchr.org')).toBe('mailto:btech@ohchr.org');
    expect(normaliseLinkAddress('mailto:nobody')).toBeNull();
  });

  it('refuses scripts, data and file addresses', () => {
    expect(normaliseLinkAddress('javascript:alert(1)')).toBeNull();
    expect(normaliseLinkAddress('JavaScript:alert(1)')).toBeNull();
    expect(normaliseLinkAddress('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(normaliseLinkAddress('file:///etc/passwd')).toBeNull();
  });

  it('refuses empty input, spaces and hosts without a domain', () => {
    expect(normaliseLinkAddress('')).toBeNull();
    expect(normaliseLinkAddress('two words')).toBeNull();
    expect(normaliseLinkAddress('intranet')).toBeNull();
  });

  it('decides whether an address found in the document stays a link', () => {
    expect(isAllowedLinkAddress('https://example.org')).toBe(true);
    expect(isAllowedLinkAddress('mailto:btech@ohchr.org')).toBe(true);
    expect(isAllowedLinkAddress('javascript:void(0)')).toBe(false);
    expect(isAllowedLinkAddress(' JAVASCRIPT:alert(1)')).toBe(false);
    // Written without a scheme, a viewer would read it as a path of the page showing it.
    expect(isAllowedLinkAddress('ohchr.org/btech')).toBe(false);
    expect(isAllowedLinkAddress('/consultations')).toBe(false);
  });
});
