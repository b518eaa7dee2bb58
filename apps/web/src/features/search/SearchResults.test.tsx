import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HighlightedFragment } from './SearchResults';

describe('HighlightedFragment', () => {
  it('marks the matched words and shows any markup in the text as text', () => {
    const html = renderToStaticMarkup(
      <HighlightedFragment
        parts={[
          { text: '<img src=x onerror="window.__xss=1"> the ', isMatch: false },
          { text: '<b>climate</b>', isMatch: true },
        ]}
      />,
    );
    expect(html).not.toMatch(/<img|<b>/i);
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toContain('<mark>&lt;b&gt;climate&lt;/b&gt;</mark>');
  });
});
